package io.github.dockerlessons.command.core;

import java.util.Map;

/**
 * What this notebook has made, as far as labels cannot say it: containers, volumes and networks carry
 * the session's label, but an image built by the classic builder would show the label as an extra
 * "LABEL" step in the build's output (unlike the CLI's), so images the notebook builds, commits,
 * imports or loads are remembered here by ID instead.
 */
public interface NotebookRecord {
    /** Remembers no images and owns nothing: contexts outside a notebook session. */
    NotebookRecord NONE = new NotebookRecord() {
        @Override
        public void imageMade(String id) {
        }

        @Override
        public boolean owns(String imageId, Map<String, String> labels) {
            return false;
        }
    };

    /** An image this notebook made (its ID, with or without "sha256:"). */
    void imageMade(String id);

    /** Whether the image is this notebook's: made here, or labelled with this session. */
    boolean owns(String imageId, Map<String, String> labels);
}
