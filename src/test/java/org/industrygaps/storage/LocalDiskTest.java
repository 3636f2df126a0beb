package org.industrygaps.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void modeBitsBecomeJavasPermissionNames() {
    // 0754 = rwx (7) for the owner, r-x (5) for the group, r-- (4) for others
    assertThat(LocalDisk.posix(0754)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr--"));
    assertThat(LocalDisk.posix(0)).isEmpty();
    assertThat(LocalDisk.posix(0777)).isEqualTo(PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @Test
  void directoriesAndFilesGetTheModeAskedFor() throws IOException {
    FileSystem fs = fileSystem();
    Path sub = new Path(dir.toUri().toString(), "a/b");
    Path file = new Path(sub, "f.txt");

    fs.mkdirs(sub, new FsPermission((short) 0750));
    try (FSDataOutputStream out =
        fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
      out.write(42);
    }
    fs.setPermission(file, new FsPermission((short) 0604));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))))
        .isEqualTo("rwxr-x---");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/f.txt"))))
        .isEqualTo("rw----r--");
    assertThat(Files.readAllBytes(dir.resolve("a/b/f.txt"))).containsExactly(42);
    assertThat(dir.resolve("a/b/.f.txt.crc")).doesNotExist(); // raw: no checksum side files
  }

  private static FileSystem fileSystem() throws IOException {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", LocalDisk.NAME);
    conf.setBoolean("fs.file.impl.disable.cache", true);
    FileSystem fs = FileSystem.get(java.net.URI.create("file:///"), conf);
    assertThat(fs).isInstanceOf(LocalDisk.class);
    return fs;
  }
}
