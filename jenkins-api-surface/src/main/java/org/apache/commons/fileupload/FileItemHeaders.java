package org.apache.commons.fileupload;

import java.util.Iterator;

/** The headers of one uploaded part. Mirrors the compatibility copy in {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}. */
public interface FileItemHeaders {
    String getHeader(String name);

    Iterator<String> getHeaders(String name);

    Iterator<String> getHeaderNames();
}
