/** resolv.conf: merging DNS sources and writing the file atomically, or in place where it is a mount point. */
package io.mosnet.runtime.dns;
