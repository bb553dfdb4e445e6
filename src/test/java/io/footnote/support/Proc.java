package io.footnote.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What Linux's /proc says about a process: peak resident memory and CPU time used. */
public final class Proc {

    private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux

    private Proc() {
    }

    /** Peak resident set size (VmHWM) in bytes; -1 where it cannot be read. */
    public static long peakRss(long pid) {
        long kb = statusField(pid, "VmHWM");
        return kb < 0 ? -1 : kb * 1024;
    }

    /** A field of /proc/<pid>/status, in its unit (kB for memory); -1 where it cannot be read. */
    public static long statusField(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith(field + ":")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D+", ""))).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User + system CPU seconds used by the process so far. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS; // utime, stime
        } catch (IOException e) {
            return -1;
        }
    }

    /** The 1-minute load average of the machine. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return -1;
        }
    }

    public static long sizeOnDisk(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
