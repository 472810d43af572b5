// Launcher starts DynamoDB Local with every Jetty connector bound to one host
// (127.0.0.1 by default) instead of all interfaces, which is what the stock
// ServerRunner main does and cannot be told otherwise.
//
// Run as a single-file source program on a JDK:
//
//	java -cp 'DIR/DynamoDBLocal.jar:DIR/DynamoDBLocal_lib/*' -Djava.library.path=DIR/DynamoDBLocal_lib \
//	     -Dagentgate.host=127.0.0.1 -Dagentgate.port=0 -Dagentgate.portFile=/tmp/x/port \
//	     Launcher.java -inMemory -sharedDb -disableTelemetry
//
// Remaining arguments go to DynamoDB Local unchanged. The port given to DynamoDB
// Local's own parser is a placeholder (it rejects 0); the real port, 0 meaning
// "let the kernel pick", is set on the connector before start, and the port
// actually bound is written to agentgate.portFile so the parent needs no
// free-port guess that another process could race for.

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class Launcher {
    public static void main(String[] args) throws Exception {
        String host = System.getProperty("agentgate.host", "127.0.0.1");
        int port = Integer.parseInt(System.getProperty("agentgate.port", "0"));
        String portFile = System.getProperty("agentgate.portFile", "");

        List<String> forwarded = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-port")) {
                throw new IllegalArgumentException("use -Dagentgate.port instead of -port");
            }
            forwarded.add(args[i]);
        }
        forwarded.add("-port");
        forwarded.add("8000");

        DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(forwarded.toArray(new String[0]));

        // The Jetty server is a private field with no accessor; reflection is
        // the only way to reach its connectors before they bind.
        Field f = DynamoDBProxyServer.class.getDeclaredField("server");
        f.setAccessible(true);
        Server server = (Server) f.get(proxy);

        List<ServerConnector> connectors = new ArrayList<>();
        for (Connector c : server.getConnectors()) {
            if (!(c instanceof ServerConnector)) {
                throw new IllegalStateException("unexpected connector type " + c.getClass().getName());
            }
            ServerConnector sc = (ServerConnector) c;
            sc.setHost(host);
            sc.setPort(port);
            connectors.add(sc);
        }
        if (connectors.isEmpty()) {
            throw new IllegalStateException("DynamoDB Local server has no connectors");
        }

        proxy.start();

        int bound = connectors.get(0).getLocalPort();
        System.out.println("agentgate: DynamoDB Local listening on " + host + ":" + bound);
        if (!portFile.isEmpty()) {
            // Write then rename so the parent never reads a half-written file.
            Path dst = Path.of(portFile);
            Path tmp = dst.resolveSibling(dst.getFileName() + ".tmp");
            Files.writeString(tmp, Integer.toString(bound), StandardCharsets.UTF_8);
            Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        proxy.join();
    }
}
