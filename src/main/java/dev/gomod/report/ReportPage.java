package dev.gomod.report;

import dev.gomod.audit.AuditReport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders a {@link DependencyReport} as HTML: a whole page for {@code target/gomod/report/index.html},
 * or the same content as a fragment inside mvn site's page. Everything is inline (CSS, SVG), nothing is
 * scripted, and each module's node and table row carry ids ({@code node-<path>}, {@code module-<path>})
 * that link to each other.
 */
public final class ReportPage {
    private static final double CHAR = 6.7; // 11px monospace
    private static final int BARS = 40;

    private ReportPage() {
    }

    /** The standalone page. */
    public static byte[] page(DependencyReport r) {
        return html(title(r.title(), r.version()), fragment(r, true));
    }

    /** The standalone page of a project with no go.mod of its own: links to its modules' pages. */
    public static byte[] index(String title, String version, List<DependencyReport.Link> links) {
        String t = title(title, version);
        return html(t, "<div class=\"gomod-report\">\n<h1>" + esc(t) + "</h1>\n" + indexFragment(links) + "</div>\n");
    }

    private static String title(String name, String version) {
        return "Go dependencies of " + name + " " + version;
    }

    private static byte[] html(String title, String body) {
        return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title) + "</title>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The links to a reactor's module pages. */
    public static String indexFragment(List<DependencyReport.Link> links) {
        StringBuilder b = new StringBuilder();
        reactor(b, links);
        return b.toString();
    }

    private static void reactor(StringBuilder b, List<DependencyReport.Link> links) {
        if (links.isEmpty()) {
            return;
        }
        b.append("<section id=\"reactor\">\n<h2>Go modules of this build</h2>\n<ul>\n");
        for (DependencyReport.Link l : links) {
            b.append("<li><a href=\"").append(esc(l.href())).append("\">").append(esc(l.name())).append("</a></li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    /** The content alone (with its style), for a page that has its own head and title. */
    public static String fragment(DependencyReport r, boolean heading) {
        Model m = new Model(r);
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"gomod-report\">\n<style>\n").append(STYLE).append("</style>\n");
        if (heading) {
            b.append("<h1>").append(esc(title(r.title(), r.version()))).append("</h1>\n");
        }
        summary(b, r, m);
        graph(b, r, m);
        bars(b, r, m);
        modules(b, r, m);
        licenses(b, r, m);
        vulnerabilities(b, r, m);
        since(b, r);
        reactor(b, r.links());
        b.append("</div>\n");
        return b.toString();
    }

    /** What the page derives from the report: per module status, groups, direct set. */
    private static final class Model {
        final Set<String> mains;
        final Set<String> direct = new TreeSet<>();
        final SortedMap<String, VendoredBytes.Size> sizes = new TreeMap<>(); // by the SBOM's path (a replacement's own)
        final SortedMap<String, int[]> vulns = new TreeMap<>(); // path -> {open, excepted}
        final boolean grouped;
        final Map<String, String> groupOf = new TreeMap<>();
        final SortedMap<String, List<String>> groups = new TreeMap<>();
        private final DependencyReport r;

        Model(DependencyReport r) {
            mains = new TreeSet<>(r.set().mains());
            Set<String> required = r.direct() != null ? r.direct() : r.set().direct();
            for (DependencySet.Module mod : r.set().modules().values()) {
                // go.mod and the vendor tree know a replaced module by the path it replaces
                if (required.contains(mod.path()) || required.contains(mod.requiredAs())) {
                    direct.add(mod.path());
                }
                VendoredBytes.Size s = r.vendored().byModule().get(mod.requiredAs());
                if (s != null) {
                    sizes.put(mod.path(), s);
                }
            }
            this.r = r;
            if (r.audit() != null) {
                for (AuditReport.Entry e : r.audit()) {
                    vulns.computeIfAbsent(ownerOf(e), k -> new int[2])[e.decided() ? 1 : 0]++;
                }
            }
            grouped = r.set().modules().size() > GraphLayout.FLAT_LIMIT;
            for (String p : r.set().modules().keySet()) {
                String g = grouped ? group(p) : p;
                groupOf.put(p, g);
                groups.computeIfAbsent(g, k -> new ArrayList<>()).add(p);
            }
        }

        String nodeOf(String path) {
            return mains.contains(path) ? "node-" + path : (grouped ? "group-" : "node-") + groupOf.get(path);
        }

        /** The module a finding is drawn on: its own, or the first main module for stdlib and toolchain. */
        String ownerOf(AuditReport.Entry e) {
            return r.set().modules().containsKey(e.module()) ? e.module() : r.set().mains().get(0);
        }

        /** {@code vulnerable} when any of the modules has an open finding, else {@code excepted} when any has one, else empty. */
        String vulnStatus(List<String> paths) {
            boolean excepted = false;
            for (String p : paths) {
                int[] v = vulns.get(p);
                if (v != null && v[0] > 0) {
                    return "vulnerable";
                }
                excepted |= v != null;
            }
            return excepted ? "excepted" : "";
        }
    }

    /** A module's path group: host and owner on the big code hosts, golang.org/x, else the host. */
    static String group(String path) {
        String[] e = path.split("/");
        if (e.length >= 2 && (e[0].matches("github\\.com|gitlab\\.com|bitbucket\\.org|golang\\.org|k8s\\.io|sigs\\.k8s\\.io|gopkg\\.in")
                || e[0].endsWith(".googlesource.com"))) {
            return e[0].equals("gopkg.in") || e[0].endsWith("k8s.io") ? e[0] : e[0] + "/" + e[1];
        }
        return e[0];
    }

    private static void summary(StringBuilder b, DependencyReport r, Model m) {
        VendoredBytes.Size total = r.vendored().total();
        b.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"summary\">\n");
        row(b, "Main module" + (m.mains.size() > 1 ? "s (workspace)" : ""), esc(String.join(", ", m.mains)));
        row(b, "Modules", r.set().modules().size() + " (" + m.direct.size() + " direct, " + (r.set().modules().size() - m.direct.size()) + " indirect)");
        row(b, "Vendored", r.vendored().byModule().isEmpty() ? "no vendor tree"
                : String.format(Locale.ROOT, "%,d files, %s in %d modules", total.files(), bytes(total.bytes()), r.vendored().byModule().size()));
        row(b, "Go release", r.go() == null ? "not pinned" : esc(r.go()));
        row(b, "Toolchain", r.toolchain() == null ? "not pinned" : esc(r.toolchain()));
        for (DependencyReport.Bundle bundle : r.bundles()) {
            row(b, "Bundle " + esc(bundle.file()), bytes(bundle.bytes()) + ", sha256 <code>" + esc(bundle.sha256()) + "</code>");
        }
        if (r.bundles().isEmpty()) {
            row(b, "Bundles", "none packed in this build");
        }
        Map<LicenseClass, Integer> classes = new TreeMap<>();
        for (DependencySet.Module mod : r.set().modules().values()) {
            classes.merge(LicenseClass.of(mod.license()), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        classes.forEach((c, n) -> parts.add(swatch(c.colour()) + n + " " + c.label()));
        row(b, "Licenses", parts.isEmpty() ? "no modules" : String.join(", ", parts));
        if (r.audit() == null) {
            row(b, "Known vulnerabilities", "no audit ran in this build");
        } else {
            long open = r.audit().stream().filter(e -> !e.decided()).count();
            row(b, "Known vulnerabilities", r.audit().size() + (r.audit().size() == 1 ? " finding, " : " findings, ") + open + " open, " + (r.audit().size() - open) + " with a decision"
                    + (r.database() == null ? "" : " (database: " + esc(r.database()) + ")"));
        }
        if (r.time() != null) {
            row(b, "Built", esc(r.time()));
        }
        b.append("</table>\n</section>\n");
    }

    private static void graph(StringBuilder b, DependencyReport r, Model m) {
        List<GraphLayout.Node> nodes = new ArrayList<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        Map<String, Long> bytesOf = new TreeMap<>();
        long max = 1;
        for (String main : m.mains) {
            labels.put("node-" + main, new String[] {main, "main module"});
        }
        for (Map.Entry<String, List<String>> g : m.groups.entrySet()) {
            long sum = 0;
            for (String p : g.getValue()) {
                VendoredBytes.Size s = m.sizes.get(p);
                sum += s == null ? 0 : s.bytes();
            }
            String id = m.grouped ? "group-" + g.getKey() : "node-" + g.getKey();
            bytesOf.put(id, sum);
            max = Math.max(max, sum);
            // a group of one shows its module, as the flat graph would
            String shown = g.getValue().size() == 1 ? g.getValue().get(0) : g.getKey();
            String second = g.getValue().size() > 1 ? g.getValue().size() + " modules" + (sum > 0 ? ", " + bytes(sum) : "")
                    : version(r.set().modules().get(shown)) + (sum > 0 ? ", " + bytes(sum) : "");
            labels.put(id, new String[] {shown, second});
        }
        for (Map.Entry<String, String[]> l : labels.entrySet()) {
            double w = Math.max(l.getValue()[0].length(), l.getValue()[1].length()) * CHAR + 16;
            long s = bytesOf.getOrDefault(l.getKey(), 0L);
            double h = 32 + Math.round(28 * Math.sqrt((double) s / max));
            nodes.add(new GraphLayout.Node(l.getKey(), Math.round(w), h));
        }
        // go mod graph has an edge from the main module to every module its go.mod requires, indirect ones too:
        // drawn, they would tie every node to the main one; an indirect module hangs off what requires it
        Set<String> requiredByOthers = new TreeSet<>();
        r.set().edges().forEach((from, tos) -> {
            if (!m.mains.contains(from)) {
                requiredByOthers.addAll(tos);
            }
        });
        Set<List<String>> edgeSet = new java.util.LinkedHashSet<>();
        r.set().edges().forEach((from, tos) -> tos.forEach(to -> {
            if (m.mains.contains(from) && !m.direct.contains(to) && requiredByOthers.contains(to)) {
                return;
            }
            String f = m.nodeOf(from);
            String t = m.nodeOf(to);
            if (!f.equals(t) && labels.containsKey(f) && labels.containsKey(t)) {
                edgeSet.add(List.of(f, t));
            }
        }));
        List<GraphLayout.Edge> edges = edgeSet.stream().map(e -> new GraphLayout.Edge(e.get(0), e.get(1))).toList();
        GraphLayout.Picture pic = GraphLayout.layout(nodes, edges);

        b.append("<section id=\"graph\">\n<h2>Module graph</h2>\n<p class=\"legend\">");
        b.append(m.grouped ? "One node per path group (" + m.groups.size() + " groups of " + r.set().modules().size()
                + " modules: above " + GraphLayout.FLAT_LIMIT + " modules one node per module is unreadable); the modules table links each module to its group. "
                : "One node per module of the build list. ");
        b.append("Left to right from the main module along go mod graph's selected edges; height grows with vendored bytes; ")
                .append("fill by license class: ");
        for (LicenseClass c : LicenseClass.values()) {
            b.append(c.ordinal() == 0 ? "" : ", ").append(swatch(c.colour())).append(esc(c.label()));
        }
        b.append("; <span class=\"ring vulnerable\">red ring</span>: an open known vulnerability, <span class=\"ring excepted\">amber ring</span>: only findings with a decision; ")
                .append("<b>bold</b>: a direct dependency.</p>\n");
        b.append("<div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" width=\"").append(num(pic.width()))
                .append("\" height=\"").append(num(pic.height())).append("\" viewBox=\"0 0 ").append(num(pic.width())).append(' ')
                .append(num(pic.height())).append("\">\n");
        b.append("<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">")
                .append("<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#8a8a8a\"/></marker></defs>\n");
        for (GraphLayout.Route e : pic.routes()) {
            b.append("<polyline class=\"edge\" data-from=\"").append(esc(e.from())).append("\" data-to=\"").append(esc(e.to())).append("\" points=\"");
            for (int i = 0; i < e.points().size(); i++) {
                double[] p = e.points().get(i);
                b.append(i == 0 ? "" : " ").append(num(p[0])).append(',').append(num(p[1]));
            }
            b.append("\" marker-end=\"url(#arrow)\"/>\n");
        }
        for (GraphLayout.Placed n : pic.nodes()) {
            String[] label = labels.get(n.id());
            List<String> members = n.id().startsWith("group-") ? m.groups.get(n.id().substring("group-".length())) : List.of(label[0]);
            boolean isMain = n.id().startsWith("node-") && m.mains.contains(label[0]);
            LicenseClass cls = isMain ? null : worstClass(r, members);
            String status = m.vulnStatus(members);
            boolean direct = members.stream().anyMatch(m.direct::contains);
            String target = isMain ? "#summary" : "#module-" + members.get(0);
            b.append("<a href=\"").append(esc(target)).append("\"><g id=\"").append(esc(n.id())).append("\" class=\"node")
                    .append(isMain ? " main" : direct ? " direct" : " indirect").append(status.isEmpty() ? "" : " " + status)
                    .append("\" data-module=\"").append(esc(label[0])).append("\">");
            b.append("<title>").append(esc(label[0] + " " + label[1]));
            if (members.size() > 1) {
                b.append(esc(": " + String.join(", ", members)));
            }
            b.append("</title>");
            b.append("<rect x=\"").append(num(n.x())).append("\" y=\"").append(num(n.y())).append("\" width=\"").append(num(n.width()))
                    .append("\" height=\"").append(num(n.height())).append("\" rx=\"4\" fill=\"").append(isMain ? "#b9d3f0" : cls.colour()).append("\"/>");
            double cy = n.y() + n.height() / 2;
            b.append("<text x=\"").append(num(n.x() + 8)).append("\" y=\"").append(num(cy - 2)).append("\" class=\"path\">")
                    .append(esc(label[0])).append("</text>");
            b.append("<text x=\"").append(num(n.x() + 8)).append("\" y=\"").append(num(cy + 11)).append("\" class=\"sub\">")
                    .append(esc(label[1])).append("</text></g></a>\n");
        }
        b.append("</svg></div>\n</section>\n");
    }

    private static LicenseClass worstClass(DependencyReport r, List<String> members) {
        LicenseClass worst = LicenseClass.UNKNOWN;
        for (String p : members) {
            worst = LicenseClass.mostBinding(worst, LicenseClass.of(r.set().modules().get(p).license()));
        }
        return worst;
    }

    private static void bars(StringBuilder b, DependencyReport r, Model m) {
        List<Map.Entry<String, VendoredBytes.Size>> sizes = new ArrayList<>(m.sizes.entrySet());
        sizes.sort(Comparator.comparingLong((Map.Entry<String, VendoredBytes.Size> e) -> -e.getValue().bytes()).thenComparing(Map.Entry::getKey));
        b.append("<section id=\"bytes\">\n<h2>Where the bytes are</h2>\n");
        if (sizes.isEmpty()) {
            b.append("<p>No vendor tree, so there are no vendored bytes to show.</p>\n");
        } else {
            int shown = Math.min(BARS, sizes.size());
            long max = Math.max(1, sizes.get(0).getValue().bytes());
            double labelWidth = Math.min(60, sizes.subList(0, shown).stream().mapToInt(e -> e.getKey().length()).max().orElse(10)) * CHAR + 12;
            double barWidth = 420;
            int rowH = 18;
            long rest = sizes.subList(shown, sizes.size()).stream().mapToLong(e -> e.getValue().bytes()).sum();
            int rows = shown + (shown < sizes.size() ? 1 : 0);
            b.append("<p>Vendored bytes per module, largest first").append(shown < sizes.size() ? " (the " + shown + " largest of " + sizes.size() + ")" : "")
                    .append(".</p>\n<div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" width=\"").append(num(labelWidth + barWidth + 90))
                    .append("\" height=\"").append(rows * rowH + 4).append("\">\n");
            for (int i = 0; i < rows; i++) {
                boolean others = i == shown;
                String name = others ? (sizes.size() - shown) + " more modules" : sizes.get(i).getKey();
                long v = others ? rest : sizes.get(i).getValue().bytes();
                double w = Math.max(1, Math.round(barWidth * v / (double) max));
                int y = i * rowH + 2;
                String fill = others ? "#cccccc" : LicenseClass.of(r.set().modules().get(name).license()).colour();
                b.append("<g class=\"bar\" data-module=\"").append(esc(name)).append("\"><title>").append(esc(name + ": " + String.format(Locale.ROOT, "%,d", v) + " bytes"))
                        .append("</title><text x=\"").append(num(labelWidth - 6)).append("\" y=\"").append(y + 13).append("\" text-anchor=\"end\">")
                        .append(esc(name.length() > 60 ? "…" + name.substring(name.length() - 59) : name)).append("</text><rect x=\"").append(num(labelWidth))
                        .append("\" y=\"").append(y + 2).append("\" width=\"").append(num(w)).append("\" height=\"").append(rowH - 4).append("\" fill=\"").append(fill)
                        .append("\" stroke=\"#777\" stroke-width=\"0.5\"/><text x=\"").append(num(labelWidth + w + 6)).append("\" y=\"").append(y + 13).append("\">")
                        .append(bytes(v)).append("</text></g>\n");
            }
            b.append("</svg></div>\n");
        }
        b.append("</section>\n");
    }

    private static void modules(StringBuilder b, DependencyReport r, Model m) {
        b.append("<section id=\"modules\">\n<h2>Modules</h2>\n<table class=\"list\">\n<thead><tr><th>Module</th><th>Version</th><th>Dependency</th>")
                .append("<th>Vendored files</th><th>Vendored bytes</th><th>License</th><th>Known vulnerabilities</th></tr></thead>\n<tbody>\n");
        for (DependencySet.Module mod : r.set().modules().values()) {
            VendoredBytes.Size s = m.sizes.get(mod.path());
            int[] v = m.vulns.get(mod.path());
            b.append("<tr id=\"").append(esc("module-" + mod.path())).append("\"><td><a href=\"#").append(esc(m.nodeOf(mod.path()))).append("\">")
                    .append(esc(mod.path())).append("</a>").append(mod.replaces() == null || mod.replaces().equals(mod.path()) ? ""
                            : " <span class=\"sub\">(replaces " + esc(mod.replaces()) + ")</span>").append("</td><td>").append(esc(version(mod))).append("</td><td>")
                    .append(m.direct.contains(mod.path()) ? "direct" : "indirect").append("</td><td class=\"n\">")
                    .append(s == null ? "" : String.format(Locale.ROOT, "%,d", s.files())).append("</td><td class=\"n\">")
                    .append(s == null ? "" : bytes(s.bytes())).append("</td><td>").append(swatch(LicenseClass.of(mod.license()).colour()))
                    .append(mod.license() == null ? "none found" : esc(mod.license())).append("</td><td>")
                    .append(r.audit() == null ? "" : v == null ? "none" : (v[0] > 0 ? "<a href=\"#vulnerabilities\">" + v[0] + " open</a>" : "")
                            + (v[0] > 0 && v[1] > 0 ? ", " : "") + (v[1] > 0 ? v[1] + " with a decision" : ""))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static void licenses(StringBuilder b, DependencyReport r, Model m) {
        SortedMap<String, List<String>> byLicense = new TreeMap<>();
        for (DependencySet.Module mod : r.set().modules().values()) {
            byLicense.computeIfAbsent(mod.license() == null ? "" : mod.license(), k -> new ArrayList<>()).add(mod.path());
        }
        b.append("<section id=\"licenses\">\n<h2>Licenses</h2>\n<table class=\"list\">\n<thead><tr><th>License</th><th>Class</th><th>Modules</th><th>Which</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, List<String>> l : byLicense.entrySet()) {
            LicenseClass c = LicenseClass.of(l.getKey().isEmpty() ? null : l.getKey());
            b.append("<tr><td>").append(l.getKey().isEmpty() ? "none found" : esc(l.getKey())).append("</td><td>").append(swatch(c.colour()))
                    .append(esc(c.label())).append("</td><td class=\"n\">").append(l.getValue().size()).append("</td><td>");
            for (int i = 0; i < l.getValue().size(); i++) {
                String p = l.getValue().get(i);
                b.append(i == 0 ? "" : ", ").append("<a href=\"#").append(esc(m.nodeOf(p))).append("\">").append(esc(p)).append("</a>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static void vulnerabilities(StringBuilder b, DependencyReport r, Model m) {
        b.append("<section id=\"vulnerabilities\">\n<h2>Known vulnerabilities</h2>\n");
        if (r.audit() == null) {
            b.append("<p>No audit ran in this build (no audit.json), so there is nothing to show here.</p>\n</section>\n");
            return;
        }
        if (r.audit().isEmpty()) {
            b.append("<p>None: the audit found no known vulnerability").append(r.database() == null ? "" : " in " + esc(r.database())).append(".</p>\n</section>\n");
            return;
        }
        b.append("<table class=\"list\">\n<thead><tr><th>Id</th><th>Aliases</th><th>Module</th><th>Version</th><th>Fixed in</th><th>Reach</th>")
                .append("<th>Decision</th><th>Summary</th></tr></thead>\n<tbody>\n");
        List<AuditReport.Entry> entries = new ArrayList<>(r.audit());
        entries.sort(Comparator.comparing(AuditReport.Entry::decided).thenComparing(AuditReport.Entry::module).thenComparing(AuditReport.Entry::id));
        for (AuditReport.Entry e : entries) {
            String owner = m.ownerOf(e);
            b.append("<tr class=\"").append(e.decided() ? "decided" : "open").append("\"><td>").append(esc(e.id())).append("</td><td>")
                    .append(esc(String.join(", ", e.aliases()))).append("</td><td><a href=\"#").append(esc(m.nodeOf(owner))).append("\">")
                    .append(esc(e.module())).append("</a></td><td>").append(esc(e.version())).append("</td><td>").append(e.fixed() == null ? "no fix" : esc(e.fixed()))
                    .append("</td><td>").append(esc(e.reach())).append("</td><td>")
                    .append(e.state() == null ? "none" : esc(e.state() + (e.justification() == null ? "" : " (" + e.justification() + ")")
                            + (e.until() == null ? "" : " until " + e.until()) + (e.ended() ? " (ended)" : "")
                            + (e.detail() == null ? "" : ": " + e.detail())))
                    .append("</td><td>").append(esc(e.summary())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static void since(StringBuilder b, DependencyReport r) {
        b.append("<section id=\"since\">\n<h2>Changes since the previous release</h2>\n");
        ReleaseDiff d = r.since();
        if (d == null) {
            b.append("<p>").append(esc(r.sinceNote() == null ? "No previous release to compare with." : r.sinceNote())).append("</p>\n</section>\n");
            return;
        }
        b.append("<p>Compared with ").append(esc(d.previous())).append(d.empty() ? ": nothing changed." : ":").append("</p>\n");
        if (!d.empty()) {
            b.append("<table class=\"list\">\n<thead><tr><th>Module</th><th>Change</th><th>Before</th><th>After</th></tr></thead>\n<tbody>\n");
            List<ReleaseDiff.Change> all = new ArrayList<>(d.modules());
            all.addAll(d.licenses());
            for (ReleaseDiff.Change c : all) {
                b.append("<tr class=\"").append(c.kind().name().toLowerCase(Locale.ROOT)).append("\"><td>").append(esc(c.module())).append("</td><td>")
                        .append(c.kind() == ReleaseDiff.Kind.LICENSE ? "license changed" : c.kind().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                        .append(c.before() == null ? "" : esc(c.before())).append("</td><td>").append(c.after() == null ? "" : esc(c.after())).append("</td></tr>\n");
            }
            for (DependencySet.Finding f : d.gained()) {
                b.append("<tr class=\"gained\"><td>").append(esc(f.module())).append("</td><td>vulnerability gained</td><td></td><td>").append(esc(f.id())).append("</td></tr>\n");
            }
            for (DependencySet.Finding f : d.fixed()) {
                b.append("<tr class=\"fixed\"><td>").append(esc(f.module())).append("</td><td>vulnerability fixed</td><td>").append(esc(f.id())).append("</td><td></td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</section>\n");
    }

    /** A module's version, or where a directory replacement's code is. */
    private static String version(DependencySet.Module mod) {
        return !mod.version().isEmpty() ? mod.version() : mod.dir() != null ? "directory " + mod.dir() : "directory";
    }

    private static void row(StringBuilder b, String name, String valueHtml) {
        b.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static String swatch(String colour) {
        return "<span class=\"swatch\" style=\"background:" + colour + "\"></span>";
    }

    /** Bytes in decimal units, as the README's numbers are. */
    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String STYLE = """
            .gomod-report { font-family: sans-serif; font-size: 14px; color: #222; }
            .gomod-report table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            .gomod-report th, .gomod-report td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
            .gomod-report table.summary th { background: #f4f4f4; white-space: nowrap; }
            .gomod-report thead th { background: #f4f4f4; }
            .gomod-report td .sub { color: #666; font-size: 90%; }
            .gomod-report td.n { text-align: right; white-space: nowrap; }
            .gomod-report tr:target { background: #fff6c8; }
            .gomod-report .swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #999; margin-right: 0.3em; vertical-align: -0.1em; }
            .gomod-report .scroll { overflow: auto; max-height: 80vh; border: 1px solid #ddd; }
            .gomod-report svg text { font-family: monospace; font-size: 11px; fill: #222; }
            .gomod-report svg text.path { font-weight: normal; }
            .gomod-report svg g.direct text.path, .gomod-report svg g.main text.path { font-weight: bold; }
            .gomod-report svg text.sub { fill: #555; }
            .gomod-report svg .edge { fill: none; stroke: #9a9a9a; stroke-width: 1; }
            .gomod-report svg g.node rect { stroke: #666; stroke-width: 1; }
            .gomod-report svg g.direct rect { stroke: #222; stroke-width: 2; }
            .gomod-report svg g.main rect { stroke: #1d4f91; stroke-width: 2.5; }
            .gomod-report svg g.vulnerable rect { stroke: #d11; stroke-width: 3.5; }
            .gomod-report svg g.excepted rect { stroke: #e09b00; stroke-width: 3.5; }
            .gomod-report svg g:target rect, .gomod-report svg a:hover rect { fill-opacity: 0.6; }
            .gomod-report .ring { padding: 0 3px; border: 2px solid; border-radius: 3px; }
            .gomod-report .ring.vulnerable { border-color: #d11; }
            .gomod-report .ring.excepted { border-color: #e09b00; }
            .gomod-report tr.open td:first-child { border-left: 4px solid #d11; }
            .gomod-report tr.decided td:first-child { border-left: 4px solid #e09b00; }
            """;
}
