import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the project's test classes whose names match a pattern (scripts/gpu-check.sh: the Cuda*GpuTest classes, tag
 * gpu, and the OpenCl* parity classes) from the jars and test-class folders on the class path, without Maven, and
 * prints one summary line: {@code tests <label>: N found, N passed, N failed, N skipped}, then the failures.
 * Usage: {@code java -cp ... GpuTests LABEL CLASS_NAME_REGEX [TAG]}; exit code 1 when a test failed.
 */
public final class GpuTests {
    public static void main(String[] args) {
        String label = args[0];
        LauncherDiscoveryRequestBuilder b =
                LauncherDiscoveryRequestBuilder.request().selectors(selectPackage("org.isofield"))
                .filters(ClassNameFilter.includeClassNamePatterns(args[1]));
        if (args.length > 2) {
            b.filters(TagFilter.includeTags(args[2]));
        } else {
            b.filters(TagFilter.excludeTags("slow", "gpu"));
        }
        LauncherDiscoveryRequest request = b.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary s = listener.getSummary();
        System.out.printf("tests %s: %d found, %d passed, %d failed, %d skipped%n", label, s.getTestsFoundCount(),
                s.getTestsSucceededCount(), s.getTestsFailedCount() + s.getContainersFailedCount(),
                s.getTestsSkippedCount() + s.getTestsAbortedCount());
        s.printFailuresTo(new PrintWriter(System.out), 12);
        System.exit(s.getTotalFailureCount() > 0 ? 1 : 0);
    }
}
