package org.industrygaps.storage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * The job's {@code file:} file system: Hadoop's raw local one (no .crc side files), with
 * permissions set through Java instead of a {@code chmod} process. Without Hadoop's native library
 * (never shipped with Spark's jars) Hadoop starts a {@code chmod} process for every directory it
 * makes and every file it creates: with the {@code ls} processes {@link Storage#listFiles} no
 * longer starts, 1.5 s of the sample job's 15 (docs/performance.md, ninth round).
 */
public final class LocalDisk extends RawLocalFileSystem {
  /** The name Hadoop's {@code fs.file.impl} takes. */
  public static final String NAME = LocalDisk.class.getName();

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  @Override
  public void setPermission(Path p, FsPermission permission) throws IOException {
    if (!POSIX || NativeIO.isAvailable() || permission.getStickyBit()) {
      super.setPermission(p, permission);
      return;
    }
    Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission.toShort()));
  }

  /** The nine permission bits of {@code mode} (e.g. 0755), as Java names them. */
  static Set<PosixFilePermission> posix(int mode) {
    PosixFilePermission[] byBit = { // bit 8 (owner read) down to bit 0 (others execute)
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_EXECUTE
    };
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < byBit.length; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        set.add(byBit[i]);
      }
    }
    return set;
  }
}
