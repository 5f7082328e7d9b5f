package io.github.dockerlessons.render;

import io.github.dockerlessons.api.ImageSummary;
import io.github.dockerlessons.render.template.TemplateException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker images}' classic table (REPOSITORY, TAG, IMAGE ID, CREATED, SIZE), or its
 * {@code --format}: one row per tag, {@code <none>} for untagged images.
 */
public final class ImageTable {
    private ImageTable() {
    }

    public static Bundle bundle(List<ImageSummary> images, boolean truncate, boolean digests, Instant now, String format)
            throws TemplateException {
        String f = format;
        if (f == null || f.isEmpty() || f.equals("table")) {
            f = "table " + (digests ? ImageFields.DIGESTS_TABLE : ImageFields.DEFAULT_TABLE);
        } else if (f.equals("raw")) {
            f = digests ? ImageFields.RAW_DIGESTS : ImageFields.RAW;
        } else if (f.startsWith("table") && digests && !f.contains("{{.Digest}}")) {
            f += "\\t{{.Digest}}";
        }
        boolean needDigest = digests || f.contains("{{.Digest}}");
        List<FieldContext> rows = new ArrayList<>();
        for (ImageSummary image : images) {
            rows.addAll(ImageFields.of(image, truncate, now, needDigest, digests));
        }
        return ListingFormat.render(f, rows, ImageFields.empty(now), null);
    }
}
