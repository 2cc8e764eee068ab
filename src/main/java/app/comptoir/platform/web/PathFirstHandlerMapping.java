package app.comptoir.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, looked up by their addresses' first segments. An address with a variable
 * ({@code /api/v1/store/{slug}/products}, {@code /app/sales/orders/{id}}) has no direct entry in Spring's registry, so
 * Spring compares the request with each of the application's ≈ 700 mappings, evaluating every condition through the
 * dozen request wrappers of the filter chain: a quarter of the CPU time of a store API list (JFR, issue #15).
 *
 * <p>Here each mapping is filed under the literal start of its patterns (up to three segments: {@code api/v1/store});
 * a request is compared only with the mappings filed under its own address's starts, which are the only ones that can
 * match it, with Spring's own conditions, order of preference and {@code handleMatch}. Whatever is not a plain single
 * best match (no mapping matched: Spring's 404, 405, 406, 415; a CORS pre-flight request; two equally good matches) is
 * left to Spring's own lookup, so the answers stay Spring's.
 */
public class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** How many leading literal segments file a mapping. */
    private static final int DEPTH = 3;

    private record Candidate(RequestMappingInfo info, HandlerMethod handler) {
    }

    private volatile @Nullable Map<String, List<Candidate>> index;

    /** Spring Boot's MVC set-up, with this mapping in place of the default one. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations pathFirstRequestMappings() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PathFirstHandlerMapping();
                }
            };
        }
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Map<String, List<Candidate>> byStart = index();
        if (byStart == null || !ServletRequestPathUtils.hasParsedRequestPath(request)
                || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        List<String> segments = literalSegments(path);
        List<Candidate> matches = new ArrayList<>(2);
        List<RequestMappingInfo> seen = new ArrayList<>(2);
        StringBuilder start = new StringBuilder();
        for (int depth = 0; depth <= Math.min(DEPTH, segments.size()); depth++) {
            if (depth > 0) {
                start.append('/').append(segments.get(depth - 1));
            }
            List<Candidate> filed = byStart.get(start.toString());
            if (filed != null) {
                for (Candidate candidate : filed) {
                    if (matchesPath(candidate.info(), path) && !seen.contains(candidate.info())) {
                        seen.add(candidate.info());
                        RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
                        if (match != null) {
                            matches.add(new Candidate(match, candidate.handler()));
                        }
                    }
                }
            }
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
            matches.sort((a, b) -> comparator.compare(a.info(), b.info()));
            if (comparator.compare(matches.get(0).info(), matches.get(1).info()) == 0) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
        }
        Candidate best = matches.getFirst();
        handleMatch(best.info(), lookupPath, request);
        return best.handler();
    }

    /** The mappings by the literal start of their patterns, built at the first request (all mappings are known then). */
    private @Nullable Map<String, List<Candidate>> index() {
        Map<String, List<Candidate>> built = index;
        if (built == null) {
            built = new HashMap<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : getHandlerMethods().entrySet()) {
                PathPatternsRequestCondition patterns = e.getKey().getPathPatternsCondition();
                if (patterns == null) {
                    return null;
                }
                for (PathPattern pattern : patterns.getPatterns()) {
                    List<Candidate> filed = built.computeIfAbsent(start(pattern.getPatternString()), k -> new ArrayList<>());
                    Candidate candidate = new Candidate(e.getKey(), e.getValue());
                    if (!filed.contains(candidate)) {
                        filed.add(candidate);
                    }
                }
            }
            index = built;
        }
        return built;
    }

    /** The literal start of a pattern, up to {@link #DEPTH} segments: {@code /api/v1/store/{slug}} → {@code /api/v1/store}. */
    static String start(String pattern) {
        StringBuilder start = new StringBuilder();
        String[] parts = pattern.split("/");
        int depth = 0;
        for (int i = 1; i < parts.length && depth < DEPTH; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.indexOf('{') >= 0 || part.indexOf('*') >= 0 || part.indexOf('?') >= 0) {
                break;
            }
            start.append('/').append(part);
            depth++;
        }
        return start.toString();
    }

    /** The request path's first segments (decoded values, path parameters left out). */
    private static List<String> literalSegments(PathContainer path) {
        List<String> segments = new ArrayList<>(DEPTH);
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                segments.add(segment.valueToMatch());
                if (segments.size() == DEPTH) {
                    break;
                }
            }
        }
        return segments;
    }

    private static boolean matchesPath(RequestMappingInfo info, PathContainer path) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns == null) {
            return true;
        }
        for (PathPattern pattern : patterns.getPatterns()) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
