package app.comptoir.platform.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JavaType;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * The schema names of the OpenAPI document, unique per Java type. swagger-core names a schema after the
 * simple class name, so two nested records called {@code Line} (a return request's and a recorded
 * return's) became one schema and the document showed the fields of both. Here a nested type is named
 * after its enclosing type as well ({@code ReturnRequest.Line} is {@code ReturnRequestLine},
 * {@code OrderController.StatusBody} is {@code OrderStatusBody}: a controller lends its name without the
 * {@code Controller} or {@code ApiController} suffix), unless its own name already starts with it ({@code
 * ProductController.ProductRequest} stays {@code ProductRequest}). Records need no renaming and no
 * annotation. Every name given is remembered with its type, so {@link #clashes()} proves that no name
 * was given to two types (a test checks it on the whole document).
 */
public final class ApiSchemaNames extends TypeNameResolver {

    private final Map<String, Set<String>> typesByName = new ConcurrentHashMap<>();

    @Override
    public String nameForType(JavaType type, Set<Options> options) {
        String name = super.nameForType(type, options);
        if (type.hasGenericTypes() || findStdName(type) == null) {
            typesByName.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(type.toCanonical());
        }
        return name;
    }

    @Override
    protected String getNameOfClass(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        if (enclosing == null) {
            return type.getSimpleName();
        }
        String outer = resourceName(getNameOfClass(enclosing));
        return type.getSimpleName().startsWith(outer) ? type.getSimpleName() : outer + type.getSimpleName();
    }

    /** A controller's name without its {@code Controller} (or {@code ApiController}) suffix: what it serves. */
    static String resourceName(String className) {
        String name = strip(className, "Controller");
        return strip(name, "Api");
    }

    private static String strip(String name, String suffix) {
        return name.endsWith(suffix) && name.length() > suffix.length()
                ? name.substring(0, name.length() - suffix.length()) : name;
    }

    /** The names given to more than one type so far, each with those types (empty when all is well). */
    public Map<String, Set<String>> clashes() {
        Map<String, Set<String>> clashes = new TreeMap<>();
        typesByName.forEach((name, types) -> {
            if (types.size() > 1) {
                clashes.put(name, new TreeSet<>(types));
            }
        });
        return clashes;
    }
}
