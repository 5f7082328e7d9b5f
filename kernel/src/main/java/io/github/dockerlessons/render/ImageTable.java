package io.github.dockerlessons.render;

import com.github.dockerjava.api.model.Image;

import java.util.List;

/**
 * {@code docker images}' classic table (REPOSITORY, TAG, IMAGE ID, CREATED, SIZE): one row per tag,
 * {@code <none>} for untagged images, sizes in decimal units with three significant digits.
 */
public final class ImageTable {
    private static final List<Table.Column> COLUMNS = List.of(
            new Table.Column("REPOSITORY", false), new Table.Column("TAG", false),
            new Table.Column("IMAGE ID", true), new Table.Column("CREATED", false),
            new Table.Column("SIZE", false));

    private ImageTable() {
    }

    public static Table of(List<Image> images, boolean truncate, java.time.Instant now) {
        Table table = new Table(COLUMNS, -1);
        for (Image image : images) {
            String id = ContainerTable.id(image.getId(), truncate);
            String created = ContainerTable.created(image.getCreated(), now);
            String size = GoText.humanSize(image.getSize() == null ? 0 : image.getSize());
            String[] tags = image.getRepoTags();
            if (tags == null || tags.length == 0) {
                table.add(new Table.Row(List.of("<none>", "<none>", id, created, size), null));
                continue;
            }
            for (String repoTag : tags) {
                int colon = repoTag.lastIndexOf(':');
                String repository = colon > repoTag.lastIndexOf('/') && colon >= 0 ? repoTag.substring(0, colon) : repoTag;
                String tag = colon > repoTag.lastIndexOf('/') && colon >= 0 ? repoTag.substring(colon + 1) : "<none>";
                table.add(new Table.Row(List.of(repository, tag, id, created, size), null));
            }
        }
        return table;
    }
}
