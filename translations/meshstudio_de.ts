<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HttpRouteForms</name>
    <message>
        <source>Route name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for the route, shown in Envoy&apos;s route name, access logs and metrics. Empty: no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces the part of the path the match matched before forwarding: the prefix for a prefix match, the whole path for an exact or regex match (/ for a route without match). Empty: the path is forwarded as it came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An RE2 expression; every match in the path is replaced by the replacement below, the query string is left alone. Cannot be combined with Path. Empty: no regex rewrite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each match of the path regex becomes; \1, \2 ... insert its groups. Empty: the matches are removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces the Host (authority) header sent to the destination. Empty: the request&apos;s own host is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path of the redirect&apos;s Location; it replaces the whole path whatever the match. The query string is kept unless the path has its own. Empty: the request&apos;s path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host of the Location. Empty: the request&apos;s host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheme of the Location. Default: the request&apos;s scheme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(same scheme)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port of the Location. Default: the request&apos;s port, left out when it is the scheme&apos;s usual one (80, 443).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derive port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FROM_REQUEST_PORT: the port the request came in on; FROM_PROTOCOL_DEFAULT: no port, the scheme&apos;s usual one. Default: the explicit port, if any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not derived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect&apos;s HTTP status; Istio emits 301, 302, 303, 307 and 308. Default: 301 (moved permanently).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (301)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTP status the proxy answers with itself, without calling any destination. Needed for a direct response; empty: no direct response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text of the response body (under 1 MB). Empty: no body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request sent to the destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response sent back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers of %1 to set, replacing any value they had. Values may use Envoy&apos;s %VARIABLE% formatters (write %% for a percent sign). Empty: nothing is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers of %1 to add as a further value, keeping existing ones. Applied after Remove and Set. Empty: nothing is added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header names of %1 to remove, comma-separated; applied first. Empty: nothing is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the proxy waits for the whole request, every retry and back-off included, before answering 504. Empty: no timeout (Istio disables Envoy&apos;s 15 s default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times a failed request is retried (0: never). Empty: Istio&apos;s default of 2 retries, or the mesh&apos;s defaultHttpRetryPolicy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-try timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long one attempt may take before it is abandoned (and retried under 5xx, gateway-error or reset). Empty: the route&apos;s timeout, i.e. none without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>route timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which failures are retried. None checked: Istio&apos;s default, connect-failure, refused-stream, unavailable, cancelled and retriable-status-codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry in other localities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let retries go to endpoints in other localities (zones, regions) than the failed attempt. Unchecked (the default): retries prefer the same priority as before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds requests this long before forwarding them (at least 1ms); the delay does not count against the route timeout. Empty: no delay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delayed share (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The percentage of requests delayed, 0 to 100. Empty: 0 %, so nothing is delayed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (0 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort with HTTP status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status the proxy answers aborted requests with, without forwarding them; retries and timeouts never apply to them. Empty: no HTTP abort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort with gRPC status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For gRPC clients: the grpc-status aborted requests get (with HTTP 200). Empty: no gRPC abort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted share (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The percentage of requests aborted, 0 to 100, drawn independently of the delay. Empty: 0 %, so nothing is aborted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirror to host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of each request also goes to this host; its answers are discarded and the caller never waits for it. Empty: no mirroring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mirror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mirror host&apos;s subset, as its DestinationRule defines it. Empty: every endpoint of the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mirror host&apos;s port; needed only when it has several. Empty: its only port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirrored share (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The percentage of requests copied to the mirror, 0 to 100. Empty: 100 %, every request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (100 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methods a cross-origin request may use (Access-Control-Allow-Methods), comma-separated. Empty: the header is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET, POST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request headers a cross-origin request may send (Access-Control-Allow-Headers). Empty: the header is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposed headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response headers the browser may show the page (Access-Control-Expose-Headers). Empty: the header is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a browser may cache the preflight answer, in whole seconds (Access-Control-Max-Age). Empty: the header is not sent; browsers use their own default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>browser default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow cross-origin requests with cookies or authorization (Access-Control-Allow-Credentials). Unchecked (the default): not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched preflights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens to a preflight from an origin that is not allowed: FORWARD passes it to the destination, IGNORE answers 200 without CORS headers. Default: FORWARD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default: FORWARD)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpRouteSummary</name>
    <message>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starts with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ~ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from labelled pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on some gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from namespace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  or  </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delegates to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirects to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>responds %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResourceNameRules</name>
    <message>
        <source>A resource needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name cannot start or end with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid Gateway name: use at most 63 lower-case letters, digits and &apos;-&apos;, starting and ending with a letter or digit, and no dots (a DNS-1123 label): VirtualServices refer to a Gateway as &lt;namespace&gt;/&lt;name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid Service name: use at most 63 lower-case letters, digits and &apos;-&apos;, starting with a letter and ending with a letter or digit (a DNS-1035 label): the name becomes the Service&apos;s host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name: use lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, starting and ending with a letter or digit, at most 253 characters (a DNS-1123 subdomain), e.g. reviews-v2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A namespace is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace: use at most 63 lower-case letters, digits and &apos;-&apos;, starting and ending with a letter or digit (a DNS-1123 label).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateCatalog</name>
    <message>
        <source>Canary split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VirtualService sending 90 % of the requests to subset v1 and 10 % to v2, and the DestinationRule defining both subsets by the pods&apos; version label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header-based routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests with the header x-user-group: beta go to subset v2, all others to v1: a matching rule before the default route, plus the DestinationRule with the subsets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault-injection test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests marked x-fault-test: true are delayed by 5 s (10 %) and aborted with 503 (5 %); other requests pass unharmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A DestinationRule limiting connections and queued requests (connectionPool) and ejecting hosts that fail five times in a row (outlierDetection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An EnvoyFilter with Envoy&apos;s local rate limit on the inbound side of the host&apos;s pods (label app): 100 requests a minute, then 429.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway with HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Gateway serving the public host on 443 with SIMPLE TLS (certificate from a Secret named by credentialName) and redirecting HTTP on 80 to HTTPS, and a VirtualService bound to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no template %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template needs a value for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value does not fit into the template&apos;s YAML.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopologyGraph</name>
    <message>
        <source>mirror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Mesh Studio: design Istio traffic rules.</source>
        <translation>Mesh Studio: Istio-Verkehrsregeln entwerfen.</translation>
    </message>
    <message>
        <source>The project folder to open (default: the sample).</source>
        <translation>Der zu öffnende Projektordner (Standard: das Beispiel).</translation>
    </message>
    <message>
        <source>Select a resource on start, e.g. &quot;VirtualService shop/reviews&quot;.</source>
        <translation>Beim Start eine Ressource auswählen, z. B. &quot;VirtualService shop/reviews&quot;.</translation>
    </message>
    <message>
        <source>resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Bring a dock to the front on start: diagnostics or topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::AddResourcesCommand</name>
    <message numerus="yes">
        <source>Import %n resource(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Some documents did not parse; fix them before importing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a resource that parsed can be duplicated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A duplicate needs a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::Document</name>
    <message>
        <source>Cannot open %1: not a readable folder</source>
        <translation type="unfinished">%1 kann nicht geöffnet werden: kein lesbarer Ordner</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished">%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds manifests or a project: choose an empty folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reload %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::DocumentCommand</name>
    <message>
        <source>The resource no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::MainWindow</name>
    <message>
        <source>Mesh Studio</source>
        <translation>Mesh Studio</translation>
    </message>
    <message>
        <source>Open a project folder with File → Open Folder…</source>
        <translation>Öffnen Sie einen Projektordner mit Datei → Ordner öffnen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Mesh Studio</source>
        <translation>Ü&amp;ber Mesh Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Mesh Studio — %1</source>
        <translation>Mesh Studio — %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>About Mesh Studio</source>
        <translation>Über Mesh Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mesh Studio %1&lt;/h3&gt;&lt;p&gt;Design, validate and ship Istio traffic rules.&lt;/p&gt;&lt;p&gt;Qt %2 · YAML highlighting: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mesh Studio %1&lt;/h3&gt;&lt;p&gt;Istio-Verkehrsregeln entwerfen, prüfen und ausliefern.&lt;/p&gt;&lt;p&gt;Qt %2 · YAML-Hervorhebung: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source># This resource cannot be shown: %1
</source>
        <translation># Diese Ressource kann nicht angezeigt werden: %1
</translation>
    </message>
    <message>
        <source>1 resource</source>
        <translation>1 Ressource</translation>
    </message>
    <message>
        <source>%1 resources</source>
        <translation>%1 Ressourcen</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Unparsed document</source>
        <translation>Nicht lesbares Dokument</translation>
    </message>
    <message>
        <source>%1 · %2:%3</source>
        <translation>%1 · %2:%3</translation>
    </message>
    <message>
        <source>Whole project · %1</source>
        <translation>Ganzes Projekt · %1</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in YAML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches the YAML view; every match is boxed, Enter goes to the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter &amp;Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesh Studio did not close cleanly while %1 had unsaved changes (last kept %2).

Restore them? Discard deletes them for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot restore: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed on disk.

Reload the project? Your unsaved edits are replaced; Edit → Undo brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed on disk.

Reload the project?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files Changed on Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesh Studio — %1*</source>
        <translation type="unfinished">Mesh Studio — %1*</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quick fix could not be applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · unapplied edit (it does not parse)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::MoveListItemCommand</name>
    <message>
        <source>Not a field path: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 item %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the studio&apos;s menus, forms and messages. &quot;System language&quot; uses your desktop&apos;s language when the studio has a translation for it, else English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colours of the window. &quot;Follow the system&quot; uses your desktop&apos;s palette, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often unsaved edits are copied to a recovery file, so a crash loses at most this much work. Default: 30 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies the next time Mesh Studio starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::ProjectActions</name>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts an empty project in an empty folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation type="unfinished">Ordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Opens a folder of manifests as a project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports YAML files into the open project, as one step you can undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the changed files of the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the whole project into another folder and goes on there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes canonical Istio YAML for kubectl or GitOps: one file, or one per resource with a kustomization.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project: Choose an Empty Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a project in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project Folder</source>
        <translation type="unfinished">Projektordner öffnen</translation>
    </message>
    <message>
        <source>%1 is not a readable folder.</source>
        <translation type="unfinished">%1 ist kein lesbarer Ordner.</translation>
    </message>
    <message>
        <source>Removed from Open Recent, the folder no longer exists: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Files into the Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a project first: imported resources become part of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n resource(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n document(s) did not parse (see Diagnostics)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; some files could not be read (see Diagnostics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project As: Choose an Empty Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file: manifests.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file per resource: &lt;namespace&gt;/&lt;kind&gt;-&lt;name&gt;.yaml and kustomization.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some documents of the project do not parse; fix them before exporting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to a folder outside the project: its files would become part of the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n resource(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshstudio::app::RecoveryFile</name>
    <message>
        <source>%1 is not a recovery file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a recovery file of this version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::RemoveResourcesCommand</name>
    <message>
        <source>The resource no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n resource(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshstudio::app::RenameResourceCommand</name>
    <message>
        <source>A resource needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document did not parse; edit its YAML instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a %1 named %2 in this namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::ReplaceResourceCommand</name>
    <message>
        <source>The YAML does not parse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The YAML holds no document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The YAML holds %1 documents; a resource is one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit YAML of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::ResourceActions</name>
    <message>
        <source>New from &amp;Template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds resources for a common traffic pattern (canary split, header routing, fault injection, circuit breaker, rate limit, HTTPS gateway).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a copy of the selected resource named &lt;name&gt;-copy, in the same file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename Resource…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the selected resource&apos;s metadata.name; it stays in its file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the selected resource from the project. Undo brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project already has %1. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n resource(s) from the template</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::ResourceEditorHost</name>
    <message>
        <source>No resource selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a resource in the project tree to edit it here. Its YAML is shown beside the form; either can be edited, and each follows the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unparsed document</source>
        <translation type="unfinished">Nicht lesbares Dokument</translation>
    </message>
    <message>
        <source>This document could not be read. Fix it in the YAML view; the form appears once it parses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no form for this kind. Edit it in the YAML view: every field is kept as written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::SetFieldsCommand</name>
    <message>
        <source>Nothing to set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document did not parse; edit its YAML instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a field path: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fields</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::app::TemplateDialog</name>
    <message>
        <source>&amp;Public host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata.name of the new resources (a Gateway gets &lt;name&gt;-gateway).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Service the traffic goes to: a short name resolves in the resource&apos;s namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name clients use, served by the Gateway (a Secret &lt;name&gt;-credential holds its certificate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names&amp;pace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the host the traffic goes to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host cannot contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::DestinationRuleEditor</name>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service this rule applies to. A short name (reviews) is the Service of that name in this rule&apos;s namespace; a name with a dot is taken as written: reviews.shop.svc.cluster.local or a ServiceEntry host. Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces whose proxies see this rule, comma-separated: &apos;.&apos; for this namespace, &apos;*&apos; for all. Empty: every namespace (unless the mesh changes the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a subset, named and labelled after a Deployment of the host no subset uses yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected subset (routes that name it then fail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subsets</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Service %1 selects %n pod(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No host yet: the rule applies to nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Service of this project (a ServiceEntry or outside host), so the subsets&apos; pods cannot be counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n pod(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No labels: every pod of the host</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::DiagnosticsModel</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::DiagnosticsPanel</name>
    <message>
        <source>Quick fixes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by code, message or resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only findings whose code, message or resource contains this text. Empty: all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide findings of this severity. All are shown by default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies this change to the project as one step you can undo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::EditableItemList</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::FieldForm</name>
    <message>
        <source>Not a duration: write a number and a unit, such as 10s, 1.5s or 250ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact: the whole value; prefix: how it starts; regex: an RE2 regular expression that must match the whole value, as Envoy evaluates it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a duration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid RE2 expression: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::FindBar</name>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: upper and lower case match each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshstudio::views::GatewayEditor</name>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels of the gateway proxies that run these servers, such as istio=ingressgateway. Empty: every gateway proxy the Gateway is visible to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port the gateway listens on for this server. Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for the port, different for every server of the Gateway. Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the port carries: HTTP, HTTPS (terminates TLS, needs the TLS settings), HTTP2, GRPC, TCP, TLS (routed by SNI, needs the TLS settings) or MONGO. Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts this server accepts, comma-separated, each [namespace/]name: &apos;*&apos; alone or as the first label is a wildcard, and a namespace limits whose VirtualServices may bind. Required: at least one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. shop.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIMPLE terminates TLS with the credential&apos;s certificate; MUTUAL also requires a client certificate, OPTIONAL_MUTUAL asks for one; ISTIO_MUTUAL uses the mesh&apos;s certificates; PASSTHROUGH forwards the encrypted stream by SNI; AUTO_PASSTHROUGH routes on SNI alone, without a VirtualService. Empty: PASSTHROUGH, so a TLS block without a mode terminates nothing and its certificate is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (PASSTHROUGH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Kubernetes Secret with the server certificate and key (tls.crt and tls.key), in the namespace of the gateway pods; the list offers the project&apos;s Secrets. Empty: no credential, so SIMPLE and MUTUAL need certificate files instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum TLS version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The oldest TLS version a client may use. Empty: TLS 1.2, Envoy&apos;s default for servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (TLS 1.2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect to HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer every plain-HTTP request on this server with a 301 to the same host and path over https://. Unchecked: requests are served over HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an HTTP server on a free port, for every host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no protocol)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no hosts)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::HttpMatchEditor</name>
    <message>
        <source>Add match block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds an alternative: the route is taken when any one block matches. The block is written with its first condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for this block, added to the route&apos;s name in Envoy&apos;s route name and access logs. Empty: no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore URI case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare exact and prefix URI conditions without regard to case; regexes and other conditions are not affected. Unchecked (the default): case-sensitive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes this block with all its conditions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a condition to this block; all conditions of a block must hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also in this block, kept as written (edit them in the YAML): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match block %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or match block %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not written until a condition is complete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — matches every request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This block already has this condition; change it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match blocks: this route takes every request that reaches it, and the routes after it can never match. Add a block to limit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route is taken when any one block matches; within a block every condition must hold.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::HttpRouteList</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy tries the routes from the top and takes the first that matches. Drag a route to change the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a route at the end, to the first host. Without a match it takes every request the routes above it leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the selected route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves the selected route up: it is tried earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves the selected route down: it is tried later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::LocalRateLimitEditor</name>
    <message>
        <source>default (0 %: off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of requests the filter looks at (filter_enabled); the others pass uncounted. Empty: 0 %, so the filter does nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of the requests looked at that are refused with 429 when the bucket is empty (filter_enforced); the others are only counted. Empty: 0 %, so nothing is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only EnvoyFilters that insert Envoy&apos;s local rate limit (envoy.filters.http.local_ratelimit) have a form. Edit this one in the YAML view: every field is kept as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This EnvoyFilter has several rate limits: the one the form edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many requests may pass in a burst (max_tokens); the bucket starts full and each request takes one token. Required: without it the engine does not run the limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens put back at every fill, never beyond the bucket size. Empty: 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often tokens are put back, such as 60s or 500ms (Envoy asks for at least 50ms). Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. 60s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prefix of the filter&apos;s counters: &lt;prefix&gt;.http_local_rate_limit.ok, .rate_limited and so on. Envoy requires it; when empty the engine uses http_local_rate_limiter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels of the pods whose proxies get the filter. Empty: every workload of the EnvoyFilter&apos;s namespace (of the mesh when it lives in istio-system).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enforced for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configPatches[%1]: %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no applyTo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configured per route (HTTP_ROUTE, %1); the engine runs it for the whole listener.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inserted as an HTTP filter in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::MatchConditionRow</name>
    <message>
        <source>uri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the request must have: its path (uri), a header, a query parameter, its method, its authority (the Host header, port included) or its scheme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header or query parameter name. Header names are compared without regard to case; write them in lower case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact: the whole value; prefix: how it starts; regex: an RE2 expression that must match the whole value; present: the header or parameter is there, with any value. Comparisons are case-sensitive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes this condition from the block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value to compare with. Regexes are checked with RE2 as you type.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::ResourceTreeModel</name>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>(no namespace)</source>
        <translation>(kein Namespace)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>%1 in namespace %2: %3</source>
        <translation>%1 im Namespace %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Unparsed</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <source>Documents that could not be read; they are kept and written back verbatim</source>
        <translation>Dokumente, die nicht gelesen werden konnten; sie bleiben erhalten und werden unverändert zurückgeschrieben</translation>
    </message>
    <message>
        <source>%1, document %2</source>
        <translation>%1, Dokument %2</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation type="unfinished">1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation type="unfinished">%1 Fehler</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation type="unfinished">1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation type="unfinished">%1 Warnungen</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished">… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::ResourceTreePanel</name>
    <message>
        <source>Filter by kind, namespace or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the resources whose kind, namespace and name contain every word typed here (ignoring case), e.g. &quot;vir reviews&quot;. Empty shows everything.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::RouteDestinationsEditor</name>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a destination with weight 0, so the split does not change until you move its slider. Destinations without a weight get theirs written, as Istio reads them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service traffic goes to: a short name resolves in this VirtualService&apos;s namespace (reviews), or a fully qualified name (reviews.shop.svc.cluster.local), or a ServiceEntry host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A subset of the host defined by a DestinationRule (pods selected by labels). None: every endpoint of the host. A subset no DestinationRule defines makes requests fail with 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service port to send to; needed only when the host has several ports. Empty (any): the host&apos;s only port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes this destination; the others keep their weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This route redirects; it sends traffic to no destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This route answers by itself; it sends traffic to no destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This route delegates to another VirtualService.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This route has no destination yet. Add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subset)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::StringMatchListEditor</name>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::SubsetEditor</name>
    <message>
        <source>Override the traffic policy for this subset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name VirtualService destinations use as `subset`: lower-case letters, digits and &apos;-&apos;. Renaming does not change routes that use the old name. Required: Istio rejects a subset without a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels a pod needs, besides those of the host&apos;s Service selector, to belong to this subset. Empty: every pod of the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels of the Deployments and Pods behind the host, without those the Service selector already requires. Choosing one replaces the subset&apos;s labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give requests routed to this subset their own load balancer, connection pool, outlier detection or TLS. Each block set here replaces the host&apos;s block as a whole. Unchecking removes the subset&apos;s policy. Unchecked: the host&apos;s traffic policy applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 (%n pod(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The host is not a Service of this project, so its pods cannot be counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selects no pods: no Deployment or Pod of Service %1 carries these labels, so requests routed to this subset fail with 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Selects %n pod(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pods of Service %1 whose labels include the subset&apos;s: Deployment replicas (1 when not set) and Pods.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::TopologyView</name>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualService</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateways, VirtualServices, destinations and workloads, with each route&apos;s weights. Ctrl+wheel zooms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualServices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::TrafficPolicyEditor</name>
    <message>
        <source>Setting it replaces any other hash key and the simple policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How requests are spread over the destination&apos;s pods when no consistent hash is set. Choosing one removes the consistent hash. Empty: LEAST_REQUEST (Istio&apos;s default since 1.14): of two random pods, the one with fewer requests in flight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (LEAST_REQUEST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash on header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests with the same value of this header go to the same pod (sticky sessions). %1 Empty: no header hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash on cookie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests with the same value of this cookie go to the same pod. With a TTL, Envoy creates the cookie for requests that lack it. %1 Empty: no cookie hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cookie name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookie path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Path attribute of a cookie Envoy creates. Empty: the cookie has no Path attribute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookie TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime of a cookie Envoy creates; 0s makes it a session cookie. Empty: Envoy never creates the cookie, and a request without it goes to any pod.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash on source IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests from the same client address go to the same pod. %1 Unchecked: no address hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash on query parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests with the same value of this query parameter go to the same pod. %1 Empty: no query parameter hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameter name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring hash size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a hash ring with at least this many entries; more entries spread the load more evenly but cost memory. Setting it removes Maglev. Empty: a ring hash of 1024 entries, the default algorithm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (1024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maglev table size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Maglev instead of a ring, with a lookup table of this size: a prime number below 5000011. Setting it removes the ring hash. Empty: no Maglev (its own default table is 65537).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new pod&apos;s share of the traffic grows over this time instead of starting in full (ROUND_ROBIN and LEAST_REQUEST only). Empty: no warm-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most TCP connections to all the destination&apos;s pods together; requests beyond them wait as pending. 0 or empty: 4294967295, in effect unlimited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long opening a TCP connection may take before it fails. Empty: 10s, the mesh&apos;s connectTimeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep-alive idle time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a connection is idle before TCP keep-alive probes start. Empty: the operating system&apos;s setting (7200s on Linux).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between two keep-alive probes. Empty: the operating system&apos;s setting (75s on Linux).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep-alive probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered probes after which the connection counts as dead. Empty: the operating system&apos;s setting (9 on Linux).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max pending requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests that may wait for a connection; more fail at once with 503 (flag UO, overflow). 0 or empty: 4294967295, in effect unlimited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most requests in flight to the destination at once, HTTP/1.1 and HTTP/2; more fail with 503 (UO). 0 or empty: 4294967295, in effect unlimited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection is closed after this many requests; 1 turns keep-alive off. 0 or empty: no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max concurrent retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most retries in flight to the destination at once, all requests together. 0 or empty: 4294967295, in effect unlimited (Envoy alone would allow 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection without requests for this long is closed. Empty: 1h.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP/2 upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether HTTP/1.1 connections to the destination are upgraded to HTTP/2. Empty or DEFAULT: the mesh&apos;s setting, DO_NOT_UPGRADE unless changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (mesh setting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consecutive 5xx errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pod that answers this many 5xx in a row is ejected (connect failures and resets count too unless they are split off); 0 turns this off. Empty: 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consecutive gateway errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pod that answers this many 502, 503 or 504 in a row is ejected. 0 or empty: not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split local failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count failures of the proxy itself (connect errors, timeouts, resets) apart from the pod&apos;s answers. Unchecked: both count as 5xx and gateway errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consecutive local failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With split local failures: a pod that fails this many times in a row from the proxy&apos;s side is ejected. Empty: 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often ejected pods are checked for return and the ejection count decays. Empty: 10s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base ejection time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a pod stays ejected, times the number of times it was ejected (at most 300s or this time). Empty: 30s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max ejection %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest share of the pods that may be ejected at once; one pod can always be. 0 or empty: 10%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (10%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min health %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When fewer pods than this share are healthy, Envoy spreads requests over all pods, ejected ones too (panic mode). 0 or empty: no panic mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS on connections to the destination: DISABLE sends plain text, SIMPLE originates TLS, MUTUAL adds a client certificate, ISTIO_MUTUAL uses the mesh&apos;s workload certificates. Empty: auto mutual TLS decides (ISTIO_MUTUAL to pods with a sidecar, plain text to others).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (auto mTLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Either an algorithm or one consistent-hash key; setting one clears the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlier detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without any of these fields no pod is ever ejected; once one is set, the defaults shown apply to the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::VirtualServiceEditor</name>
    <message>
        <source>HTTP routes, in the order they are tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which requests the route takes: blocks of conditions, any block may match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the route sends traffic, and how it splits it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite / redirect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite before forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect instead of forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request (to the destination)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response (to the caller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout &amp;&amp; retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CORS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origins whose pages may call this route from a browser (Access-Control-Allow-Origin). Empty: no origin is allowed and the CORS policy does nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished">(ohne Namen)</translation>
    </message>
    <message>
        <source>%1. %2 — %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route %1 before it takes every request, so this route can never match. Move it above route %1, or limit route %1 with a match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This route takes every request that reaches it: the routes after it can never match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tried in position %1: it takes the requests it matches that no route above took.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No HTTP routes. Add one to send this host&apos;s HTTP traffic somewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TCP and TLS routes of this VirtualService are kept as written; edit them in the YAML.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::VirtualServiceHostsEditor</name>
    <message>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hosts these routes apply to, comma-separated: a Service name (short names resolve in this namespace), a ServiceEntry host, or for gateways a public name such as shop.example.com; * wildcards are allowed. Required: there is no default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviews, reviews.shop.svc.cluster.local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds one of the project&apos;s Service or ServiceEntry hosts to the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where these routes apply: checked Gateways (their proxies at the edge of the mesh) and mesh (every sidecar). None checked: mesh only, the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reserved name for every sidecar of the mesh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a Gateway of this project; kept as written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::WeightSplitBar</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No traffic: every weight is 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>destination label, then its share of traffic</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How this route&apos;s traffic is split: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No traffic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::WeightSplitEditor</name>
    <message>
        <source>(no host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no destination)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of %1 in the split bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of %1 in percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the weight of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the weight of %1 fixed while you change the others. Default: unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A single destination always receives all of the route&apos;s traffic (100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight of %1 is locked. Unlock it to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every other destination is locked, so nothing could take up a change to %1. Unlock one of them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent of this route&apos;s traffic sent to %1. Changing it adjusts the unlocked destinations so that the total stays 100. Default when the YAML has no weight: 100 for a single destination, 0 for one among several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A single destination receives all traffic; its weight of %1 is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every weight is 0, which Istio rejects. Changing one splits the rest evenly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights in the YAML add up to %1, not 100; shown here as percentages of that total. Changing any weight writes them all as percentages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::WorkloadEditor</name>
    <message>
        <source>Selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels a pod needs to receive this Service&apos;s traffic, in the Service&apos;s namespace. Empty: no pod is selected (the endpoints would be managed by hand).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port&apos;s name. Without an app protocol Istio takes the protocol from a name such as http-web or grpc-api. Required when the Service has more than one port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. http-web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port clients call on the Service. Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the pods receive the requests: a container port number, or the name of a container port. Empty: the same number as the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same as the port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The protocol Istio assumes on this port: http, http2, grpc, tcp, tls, https and so on. Empty: taken from the name&apos;s prefix (http-, grpc-, ...), else detected from the first bytes (HTTP, otherwise TCP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an HTTP port on a free number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many pods run this template; the simulation starts as many. Empty: 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels of the pods: Services select pods by them and DestinationRule subsets choose among them. They must keep every label of the Deployment&apos;s selector (spec.selector.matchLabels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a simulated pod takes to answer: a fixed time such as 25ms or 1.5s, or a range such as 10ms-80ms drawn anew for each request; at most 60s. Empty: it answers at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none, e.g. 25ms or 10ms-80ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of requests answered with the error status: a fraction such as 0.05, or a percentage such as 5%. Empty: no injected errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none, e.g. 0.05 or 5%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTP status of the injected errors, 400 to 599. Empty: 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (503)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra time to open a connection to the pod, such as a sidecar-to-sidecar mTLS handshake (1ms); requests wait as pending meanwhile. At most 60s. Empty: none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none, e.g. 1ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this pod&apos;s requests to a real local process instead of simulating it: host:port, or one host:port per replica separated by commas. Empty: the pod is simulated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulated, e.g. 127.0.0.1:9081</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation (meshstudio.dev annotations of the pods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No selector: no pod receives this Service&apos;s traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selects no pods: no Deployment or Pod in this namespace carries these labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Selects %n pod(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The pod labels lack %1 of the Deployment&apos;s selector; Kubernetes rejects a Deployment whose selector does not match its pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> → %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a fixed latency such as 25ms or 1.5s, or a range such as 10ms-80ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A simulated latency is at most 60s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range starts above its end: write the smaller latency first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a fraction from 0 to 1 such as 0.05, or a percentage such as 5%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fraction is at most 1 (or write 5%).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a duration such as 1ms or 0.5s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A handshake is at most 60s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write host:port such as 127.0.0.1:9081, or one host:port per replica separated by commas (IPv6 in brackets: [::1]:9081).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshstudio::views::YamlView</name>
    <message>
        <source>The selected resource&apos;s YAML. Edit it here: the change is applied when you pause, as one step you can undo; a line that does not parse is underlined and nothing is applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
