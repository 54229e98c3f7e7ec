package net.taonet.sdk.builtin.gemm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

import net.taonet.sdk.TaskSettings;

/**
 * Chooses the gemm backend at start-up. Setting {@code backend}: {@code auto} (default: the available provider
 * with the highest priority, so a GPU when one works), or a provider's name ({@code cuda}, {@code cpu-blas},
 * {@code naive}), which must then be available.
 */
public final class GemmBackends {

    private static final Logger LOG = Logger.getLogger(GemmBackends.class.getName());

    private GemmBackends() {
    }

    /**
     * The providers on the class path, best first. A provider that cannot even be loaded (a GPU jar whose
     * classes are missing or broken) is skipped with a log line: the CPU path must still work.
     */
    public static List<GemmBackendProvider> providers(ClassLoader loader) {
        List<GemmBackendProvider> found = new ArrayList<>();
        Iterator<GemmBackendProvider> it = ServiceLoader.load(GemmBackendProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.log(Level.WARNING, "skipping a gemm backend that cannot be loaded: " + e);
            }
        }
        found.sort(Comparator.comparingInt(GemmBackendProvider::priority).reversed());
        return found;
    }

    public static GemmBackend open(TaskSettings settings) {
        return open(settings, GemmBackends.class.getClassLoader());
    }

    public static GemmBackend open(TaskSettings settings, ClassLoader loader) {
        String wanted = settings.get("backend", "auto");
        List<GemmBackendProvider> providers = providers(loader);
        for (GemmBackendProvider provider : providers) {
            if (!wanted.equals("auto") && !wanted.equals(provider.name())) {
                continue;
            }
            Optional<GemmBackend> backend;
            try {
                backend = provider.open(settings);
            } catch (RuntimeException | LinkageError e) {
                // A GPU binding without its native libraries fails with a LinkageError: that's "not here".
                LOG.log(Level.INFO, "gemm backend " + provider.name() + " is not usable here: " + e);
                backend = Optional.empty();
            }
            if (backend.isPresent()) {
                LOG.info("gemm backend: " + backend.get().describe());
                return backend.get();
            }
        }
        throw new IllegalStateException("gemm backend " + wanted + " is not available (providers: "
                + providers.stream().map(GemmBackendProvider::name).toList() + ")");
    }
}
