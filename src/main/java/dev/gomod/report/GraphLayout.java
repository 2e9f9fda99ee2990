package dev.gomod.report;

import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a directed graph's nodes and routes its edges with Eclipse ELK's layered algorithm (a
 * Sugiyama layout: layers left to right, crossings minimised, edges as polylines), so that the report
 * draws the module graph and does not lay it out by hand. ELK's randomised steps run from its fixed
 * seed, so the same graph gives the same picture; coordinates are rounded to tenths, so that the page's
 * bytes do not depend on the last bits of a double.
 */
public final class GraphLayout {
    /** Up to this many modules the graph shows one node per module; above, one per path group. */
    public static final int FLAT_LIMIT = 100;

    /** Up to this many nodes (and twice as many edges) the layout places them by network simplex, above by Brandes-Koepf. */
    static final int SIMPLEX_LIMIT = 60;

    /** A node to place, of the given size. */
    public record Node(String id, double width, double height) {
    }

    /** An edge to route. */
    public record Edge(String from, String to) {
    }

    /** A placed node: its top left corner and size. */
    public record Placed(String id, double x, double y, double width, double height) {
    }

    /** A routed edge: its points, start to end. */
    public record Route(String from, String to, List<double[]> points) {
    }

    /** The picture: its size, its nodes and edges in the order given. */
    public record Picture(double width, double height, List<Placed> nodes, List<Route> routes) {
    }

    private GraphLayout() {
    }

    /** Lays out {@code nodes} and {@code edges} (edges naming an unknown node are left out). */
    public static Picture layout(List<Node> nodes, List<Edge> edges) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 8.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(12));
        // Network simplex placement is more compact on Go's hub-shaped graphs, and keeps the main module near the top of
        // a tall layer rather than at its middle; but its cost grows with the long edges, to 3 s on the benchmark's
        // grouped 500 modules (40 nodes, 334 edges) where Brandes-Koepf (ELK's default) takes 0.3 s: so small, sparse graphs only.
        boolean simplex = nodes.size() <= SIMPLEX_LIMIT && edges.size() <= 2 * nodes.size();
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, simplex ? NodePlacementStrategy.NETWORK_SIMPLEX : NodePlacementStrategy.BRANDES_KOEPF);
        Map<String, ElkNode> byId = new LinkedHashMap<>();
        for (Node n : nodes) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setIdentifier(n.id);
            e.setDimensions(n.width, n.height);
            byId.put(n.id, e);
        }
        List<Edge> kept = new ArrayList<>();
        List<ElkEdge> elkEdges = new ArrayList<>();
        for (Edge e : edges) {
            ElkNode from = byId.get(e.from);
            ElkNode to = byId.get(e.to);
            if (from != null && to != null && from != to) {
                kept.add(e);
                elkEdges.add(ElkGraphUtil.createSimpleEdge(from, to));
            }
        }
        // ELK finds its algorithms with ServiceLoader on the context loader, which in a Maven report need not be ours
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(GraphLayout.class.getClassLoader());
        try {
            new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        } finally {
            t.setContextClassLoader(before);
        }
        List<Placed> placed = new ArrayList<>();
        for (Node n : nodes) {
            ElkNode e = byId.get(n.id);
            placed.add(new Placed(n.id, round(e.getX()), round(e.getY()), n.width, n.height));
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection s : elkEdges.get(i).getSections()) {
                points.add(new double[] {round(s.getStartX()), round(s.getStartY())});
                for (ElkBendPoint b : s.getBendPoints()) {
                    points.add(new double[] {round(b.getX()), round(b.getY())});
                }
                points.add(new double[] {round(s.getEndX()), round(s.getEndY())});
            }
            routes.add(new Route(kept.get(i).from, kept.get(i).to, points));
        }
        return new Picture(round(root.getWidth()), round(root.getHeight()), placed, routes);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
