<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HttpRouteForms</name>
    <message>
        <source>Route name</source>
        <translation>Routenname</translation>
    </message>
    <message>
        <source>A name for the route, shown in Envoy&apos;s route name, access logs and metrics. Empty: no name.</source>
        <translation>Ein Name für die Route, sichtbar im Routennamen von Envoy, in Access-Logs und Metriken. Leer: kein Name.</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>ohne Namen</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Replaces the part of the path the match matched before forwarding: the prefix for a prefix match, the whole path for an exact or regex match (/ for a route without match). Empty: the path is forwarded as it came.</source>
        <translation>Ersetzt vor dem Weiterleiten den Teil des Pfads, den der Match erfasst hat: das Präfix bei einem prefix-Match, den ganzen Pfad bei einem exact- oder regex-Match (/ bei einer Route ohne Match). Leer: Der Pfad wird unverändert weitergeleitet.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Path regex</source>
        <translation>Pfad-Regex</translation>
    </message>
    <message>
        <source>An RE2 expression; every match in the path is replaced by the replacement below, the query string is left alone. Cannot be combined with Path. Empty: no regex rewrite.</source>
        <translation>Ein RE2-Ausdruck; jeder Treffer im Pfad wird durch die Ersetzung darunter ersetzt, der Query-String bleibt unberührt. Nicht mit Pfad kombinierbar. Leer: kein Regex-Rewrite.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Ersetzung</translation>
    </message>
    <message>
        <source>What each match of the path regex becomes; \1, \2 ... insert its groups. Empty: the matches are removed.</source>
        <translation>Wodurch jeder Treffer der Pfad-Regex ersetzt wird; \1, \2 ... fügen ihre Gruppen ein. Leer: Die Treffer werden entfernt.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Authority</translation>
    </message>
    <message>
        <source>Replaces the Host (authority) header sent to the destination. Empty: the request&apos;s own host is sent.</source>
        <translation>Ersetzt den an das Ziel gesendeten Host-Header (Authority). Leer: Der eigene Host der Anfrage wird gesendet.</translation>
    </message>
    <message>
        <source>The path of the redirect&apos;s Location; it replaces the whole path whatever the match. The query string is kept unless the path has its own. Empty: the request&apos;s path.</source>
        <translation>Der Pfad in der Location des Redirects; er ersetzt unabhängig vom Match den ganzen Pfad. Der Query-String bleibt erhalten, sofern der Pfad keinen eigenen hat. Leer: der Pfad der Anfrage.</translation>
    </message>
    <message>
        <source>same path</source>
        <translation>gleicher Pfad</translation>
    </message>
    <message>
        <source>The host of the Location. Empty: the request&apos;s host.</source>
        <translation>Der Host der Location. Leer: der Host der Anfrage.</translation>
    </message>
    <message>
        <source>same host</source>
        <translation>gleicher Host</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>The scheme of the Location. Default: the request&apos;s scheme.</source>
        <translation>Das Schema der Location. Standard: das Schema der Anfrage.</translation>
    </message>
    <message>
        <source>(same scheme)</source>
        <translation>(gleiches Schema)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>The port of the Location. Default: the request&apos;s port, left out when it is the scheme&apos;s usual one (80, 443).</source>
        <translation>Der Port der Location. Standard: der Port der Anfrage; er entfällt, wenn er der übliche des Schemas ist (80, 443).</translation>
    </message>
    <message>
        <source>same port</source>
        <translation>gleicher Port</translation>
    </message>
    <message>
        <source>Derive port</source>
        <translation>Port ableiten</translation>
    </message>
    <message>
        <source>FROM_REQUEST_PORT: the port the request came in on; FROM_PROTOCOL_DEFAULT: no port, the scheme&apos;s usual one. Default: the explicit port, if any.</source>
        <translation>FROM_REQUEST_PORT: der Port, über den die Anfrage hereinkam; FROM_PROTOCOL_DEFAULT: kein Port, also der übliche des Schemas. Standard: der explizite Port, falls vorhanden.</translation>
    </message>
    <message>
        <source>(not derived)</source>
        <translation>(nicht abgeleitet)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The redirect&apos;s HTTP status; Istio emits 301, 302, 303, 307 and 308. Default: 301 (moved permanently).</source>
        <translation>Der HTTP-Status des Redirects; Istio sendet 301, 302, 303, 307 und 308. Standard: 301 (moved permanently).</translation>
    </message>
    <message>
        <source>default (301)</source>
        <translation>Standard (301)</translation>
    </message>
    <message>
        <source>The HTTP status the proxy answers with itself, without calling any destination. Needed for a direct response; empty: no direct response.</source>
        <translation>Der HTTP-Status, mit dem der Proxy selbst antwortet, ohne ein Ziel aufzurufen. Für eine direkte Antwort nötig; leer: keine direkte Antwort.</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>The text of the response body (under 1 MB). Empty: no body.</source>
        <translation>Der Text des Antwort-Bodys (unter 1 MB). Leer: kein Body.</translation>
    </message>
    <message>
        <source>no body</source>
        <translation>kein Body</translation>
    </message>
    <message>
        <source>the request sent to the destination</source>
        <translation>der an das Ziel gesendeten Anfrage</translation>
    </message>
    <message>
        <source>the response sent back</source>
        <translation>der zurückgesendeten Antwort</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>Headers of %1 to set, replacing any value they had. Values may use Envoy&apos;s %VARIABLE% formatters (write %% for a percent sign). Empty: nothing is set.</source>
        <translation>Header %1, die gesetzt werden und dabei jeden bisherigen Wert ersetzen. Werte dürfen die %VARIABLE%-Formatierer von Envoy verwenden (schreiben Sie %% für ein Prozentzeichen). Leer: Es wird nichts gesetzt.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Headers of %1 to add as a further value, keeping existing ones. Applied after Remove and Set. Empty: nothing is added.</source>
        <translation>Header %1, die als weiterer Wert hinzugefügt werden; vorhandene Werte bleiben erhalten. Wird nach Entfernen und Setzen angewendet. Leer: Es wird nichts hinzugefügt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Header names of %1 to remove, comma-separated; applied first. Empty: nothing is removed.</source>
        <translation>Namen der Header %1, die entfernt werden, durch Kommas getrennt; wird zuerst angewendet. Leer: Es wird nichts entfernt.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>How long the proxy waits for the whole request, every retry and back-off included, before answering 504. Empty: no timeout (Istio disables Envoy&apos;s 15 s default).</source>
        <translation>Wie lange der Proxy auf die gesamte Anfrage wartet, alle Retries und Back-offs eingeschlossen, bevor er mit 504 antwortet. Leer: kein Timeout (Istio schaltet den Envoy-Standard von 15 s ab).</translation>
    </message>
    <message>
        <source>no timeout</source>
        <translation>kein Timeout</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>How many times a failed request is retried (0: never). Empty: Istio&apos;s default of 2 retries, or the mesh&apos;s defaultHttpRetryPolicy.</source>
        <translation>Wie oft eine fehlgeschlagene Anfrage wiederholt wird (0: nie). Leer: Istios Standard von 2 Retries oder die defaultHttpRetryPolicy des Mesh.</translation>
    </message>
    <message>
        <source>default (2)</source>
        <translation>Standard (2)</translation>
    </message>
    <message>
        <source>Per-try timeout</source>
        <translation>Timeout pro Versuch</translation>
    </message>
    <message>
        <source>How long one attempt may take before it is abandoned (and retried under 5xx, gateway-error or reset). Empty: the route&apos;s timeout, i.e. none without one.</source>
        <translation>Wie lange ein einzelner Versuch dauern darf, bevor er abgebrochen wird (und bei 5xx, gateway-error oder reset wiederholt wird). Leer: das Timeout der Route, also keines, wenn sie keines hat.</translation>
    </message>
    <message>
        <source>route timeout</source>
        <translation>Timeout der Route</translation>
    </message>
    <message>
        <source>Retry on</source>
        <translation>Wiederholen bei</translation>
    </message>
    <message>
        <source>Which failures are retried. None checked: Istio&apos;s default, connect-failure, refused-stream, unavailable, cancelled and retriable-status-codes.</source>
        <translation>Welche Fehler wiederholt werden. Keiner angehakt: Istios Standard, connect-failure, refused-stream, unavailable, cancelled und retriable-status-codes.</translation>
    </message>
    <message>
        <source>Retry in other localities</source>
        <translation>Retries in anderen Localities</translation>
    </message>
    <message>
        <source>Let retries go to endpoints in other localities (zones, regions) than the failed attempt. Unchecked (the default): retries prefer the same priority as before.</source>
        <translation>Retries dürfen an Endpunkte in anderen Localities (Zonen, Regionen) gehen als der fehlgeschlagene Versuch. Nicht angehakt (Standard): Retries bevorzugen dieselbe Priorität wie zuvor.</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Holds requests this long before forwarding them (at least 1ms); the delay does not count against the route timeout. Empty: no delay.</source>
        <translation>Hält Anfragen so lange zurück, bevor sie weitergeleitet werden (mindestens 1ms); die Verzögerung zählt nicht zum Timeout der Route. Leer: keine Verzögerung.</translation>
    </message>
    <message>
        <source>no delay</source>
        <translation>keine Verzögerung</translation>
    </message>
    <message>
        <source>Delayed share (%)</source>
        <translation>Verzögerter Anteil (%)</translation>
    </message>
    <message>
        <source>The percentage of requests delayed, 0 to 100. Empty: 0 %, so nothing is delayed.</source>
        <translation>Der Prozentsatz der verzögerten Anfragen, 0 bis 100. Leer: 0 %, es wird also nichts verzögert.</translation>
    </message>
    <message>
        <source>default (0 %)</source>
        <translation>Standard (0 %)</translation>
    </message>
    <message>
        <source>Abort with HTTP status</source>
        <translation>Abbruch mit HTTP-Status</translation>
    </message>
    <message>
        <source>The status the proxy answers aborted requests with, without forwarding them; retries and timeouts never apply to them. Empty: no HTTP abort.</source>
        <translation>Der Status, mit dem der Proxy abgebrochene Anfragen beantwortet, ohne sie weiterzuleiten; Retries und Timeouts gelten für sie nie. Leer: kein HTTP-Abbruch.</translation>
    </message>
    <message>
        <source>Abort with gRPC status</source>
        <translation>Abbruch mit gRPC-Status</translation>
    </message>
    <message>
        <source>For gRPC clients: the grpc-status aborted requests get (with HTTP 200). Empty: no gRPC abort.</source>
        <translation>Für gRPC-Clients: der grpc-status, den abgebrochene Anfragen erhalten (mit HTTP 200). Leer: kein gRPC-Abbruch.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Aborted share (%)</source>
        <translation>Abgebrochener Anteil (%)</translation>
    </message>
    <message>
        <source>The percentage of requests aborted, 0 to 100, drawn independently of the delay. Empty: 0 %, so nothing is aborted.</source>
        <translation>Der Prozentsatz der abgebrochenen Anfragen, 0 bis 100, unabhängig von der Verzögerung ausgelost. Leer: 0 %, es wird also nichts abgebrochen.</translation>
    </message>
    <message>
        <source>Mirror to host</source>
        <translation>Spiegeln an Host</translation>
    </message>
    <message>
        <source>A copy of each request also goes to this host; its answers are discarded and the caller never waits for it. Empty: no mirroring.</source>
        <translation>Eine Kopie jeder Anfrage geht zusätzlich an diesen Host; seine Antworten werden verworfen, und der Aufrufer wartet nie auf ihn. Leer: keine Spiegelung.</translation>
    </message>
    <message>
        <source>no mirror</source>
        <translation>keine Spiegelung</translation>
    </message>
    <message>
        <source>Subset</source>
        <translation>Subset</translation>
    </message>
    <message>
        <source>The mirror host&apos;s subset, as its DestinationRule defines it. Empty: every endpoint of the host.</source>
        <translation>Das Subset des Spiegel-Hosts, wie seine DestinationRule es definiert. Leer: alle Endpunkte des Hosts.</translation>
    </message>
    <message>
        <source>(no subset)</source>
        <translation>(kein Subset)</translation>
    </message>
    <message>
        <source>The mirror host&apos;s port; needed only when it has several. Empty: its only port.</source>
        <translation>Der Port des Spiegel-Hosts; nur nötig, wenn er mehrere hat. Leer: sein einziger Port.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Mirrored share (%)</source>
        <translation>Gespiegelter Anteil (%)</translation>
    </message>
    <message>
        <source>The percentage of requests copied to the mirror, 0 to 100. Empty: 100 %, every request.</source>
        <translation>Der Prozentsatz der Anfragen, die an den Spiegel kopiert werden, 0 bis 100. Leer: 100 %, jede Anfrage.</translation>
    </message>
    <message>
        <source>default (100 %)</source>
        <translation>Standard (100 %)</translation>
    </message>
    <message>
        <source>Allowed methods</source>
        <translation>Erlaubte Methoden</translation>
    </message>
    <message>
        <source>Methods a cross-origin request may use (Access-Control-Allow-Methods), comma-separated. Empty: the header is not sent.</source>
        <translation>Methoden, die eine Cross-Origin-Anfrage verwenden darf (Access-Control-Allow-Methods), durch Kommas getrennt. Leer: Der Header wird nicht gesendet.</translation>
    </message>
    <message>
        <source>GET, POST</source>
        <translation>GET, POST</translation>
    </message>
    <message>
        <source>Allowed headers</source>
        <translation>Erlaubte Header</translation>
    </message>
    <message>
        <source>Request headers a cross-origin request may send (Access-Control-Allow-Headers). Empty: the header is not sent.</source>
        <translation>Request-Header, die eine Cross-Origin-Anfrage senden darf (Access-Control-Allow-Headers). Leer: Der Header wird nicht gesendet.</translation>
    </message>
    <message>
        <source>Exposed headers</source>
        <translation>Freigegebene Header</translation>
    </message>
    <message>
        <source>Response headers the browser may show the page (Access-Control-Expose-Headers). Empty: the header is not sent.</source>
        <translation>Response-Header, die der Browser der Seite zeigen darf (Access-Control-Expose-Headers). Leer: Der Header wird nicht gesendet.</translation>
    </message>
    <message>
        <source>Max age</source>
        <translation>Max. Alter</translation>
    </message>
    <message>
        <source>How long a browser may cache the preflight answer, in whole seconds (Access-Control-Max-Age). Empty: the header is not sent; browsers use their own default.</source>
        <translation>Wie lange ein Browser die Preflight-Antwort zwischenspeichern darf, in ganzen Sekunden (Access-Control-Max-Age). Leer: Der Header wird nicht gesendet; Browser verwenden ihren eigenen Standard.</translation>
    </message>
    <message>
        <source>browser default</source>
        <translation>Browser-Standard</translation>
    </message>
    <message>
        <source>Allow credentials</source>
        <translation>Credentials erlauben</translation>
    </message>
    <message>
        <source>Allow cross-origin requests with cookies or authorization (Access-Control-Allow-Credentials). Unchecked (the default): not allowed.</source>
        <translation>Cross-Origin-Anfragen mit Cookies oder Authorization erlauben (Access-Control-Allow-Credentials). Nicht angehakt (Standard): nicht erlaubt.</translation>
    </message>
    <message>
        <source>Unmatched preflights</source>
        <translation>Nicht passende Preflights</translation>
    </message>
    <message>
        <source>What happens to a preflight from an origin that is not allowed: FORWARD passes it to the destination, IGNORE answers 200 without CORS headers. Default: FORWARD.</source>
        <translation>Was mit einem Preflight von einem nicht erlaubten Origin geschieht: FORWARD reicht ihn an das Ziel weiter, IGNORE antwortet mit 200 ohne CORS-Header. Standard: FORWARD.</translation>
    </message>
    <message>
        <source>(default: FORWARD)</source>
        <translation>(Standard: FORWARD)</translation>
    </message>
</context>
<context>
    <name>HttpRouteSummary</name>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1 starts with %2</source>
        <translation>%1 beginnt mit %2</translation>
    </message>
    <message>
        <source>%1 ~ %2</source>
        <translation>%1 ~ %2</translation>
    </message>
    <message>
        <source>%1 present</source>
        <translation>%1 vorhanden</translation>
    </message>
    <message>
        <source>any request</source>
        <translation>jede Anfrage</translation>
    </message>
    <message>
        <source>uri</source>
        <translation>uri</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>scheme</translation>
    </message>
    <message>
        <source>method</source>
        <translation>method</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>authority</translation>
    </message>
    <message>
        <source>header %1</source>
        <translation>Header %1</translation>
    </message>
    <message>
        <source>query %1</source>
        <translation>Query %1</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>nicht %1</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>from labelled pods</source>
        <translation>von Pods mit Labels</translation>
    </message>
    <message>
        <source>on some gateways</source>
        <translation>auf bestimmten Gateways</translation>
    </message>
    <message>
        <source>from namespace %1</source>
        <translation>aus Namespace %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>  or  </source>
        <translation>  oder  </translation>
    </message>
    <message>
        <source>delegates to %1</source>
        <translation>delegiert an %1</translation>
    </message>
    <message>
        <source>redirects to %1</source>
        <translation>leitet um nach %1</translation>
    </message>
    <message>
        <source>responds %1</source>
        <translation>antwortet %1</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>no destination</source>
        <translation>kein Ziel</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
</context>
<context>
    <name>ResourceNameRules</name>
    <message>
        <source>A resource needs a name.</source>
        <translation>Eine Ressource braucht einen Namen.</translation>
    </message>
    <message>
        <source>A name cannot start or end with a space.</source>
        <translation>Ein Name darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid Gateway name: use at most 63 lower-case letters, digits and &apos;-&apos;, starting and ending with a letter or digit, and no dots (a DNS-1123 label): VirtualServices refer to a Gateway as &lt;namespace&gt;/&lt;name&gt;.</source>
        <translation>&quot;%1&quot; ist kein gültiger Gateway-Name: Verwenden Sie höchstens 63 Kleinbuchstaben, Ziffern und &apos;-&apos;, am Anfang und Ende einen Buchstaben oder eine Ziffer und keine Punkte (ein DNS-1123-Label): VirtualServices verweisen auf ein Gateway als &lt;namespace&gt;/&lt;name&gt;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid Service name: use at most 63 lower-case letters, digits and &apos;-&apos;, starting with a letter and ending with a letter or digit (a DNS-1035 label): the name becomes the Service&apos;s host name.</source>
        <translation>&quot;%1&quot; ist kein gültiger Service-Name: Verwenden Sie höchstens 63 Kleinbuchstaben, Ziffern und &apos;-&apos;, am Anfang einen Buchstaben und am Ende einen Buchstaben oder eine Ziffer (ein DNS-1035-Label): Der Name wird zum Hostnamen des Service.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name: use lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, starting and ending with a letter or digit, at most 253 characters (a DNS-1123 subdomain), e.g. reviews-v2.</source>
        <translation>&quot;%1&quot; ist kein gültiger Name: Verwenden Sie Kleinbuchstaben, Ziffern, &apos;-&apos; und &apos;.&apos;, am Anfang und Ende einen Buchstaben oder eine Ziffer, höchstens 253 Zeichen (eine DNS-1123-Subdomain), z. B. reviews-v2.</translation>
    </message>
    <message>
        <source>A namespace is required.</source>
        <translation>Ein Namespace ist erforderlich.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace: use at most 63 lower-case letters, digits and &apos;-&apos;, starting and ending with a letter or digit (a DNS-1123 label).</source>
        <translation>&quot;%1&quot; ist kein gültiger Namespace: Verwenden Sie höchstens 63 Kleinbuchstaben, Ziffern und &apos;-&apos;, am Anfang und Ende einen Buchstaben oder eine Ziffer (ein DNS-1123-Label).</translation>
    </message>
</context>
<context>
    <name>TemplateCatalog</name>
    <message>
        <source>Canary split</source>
        <translation>Canary-Aufteilung</translation>
    </message>
    <message>
        <source>A VirtualService sending 90 % of the requests to subset v1 and 10 % to v2, and the DestinationRule defining both subsets by the pods&apos; version label.</source>
        <translation>Ein VirtualService, der 90 % der Anfragen an das Subset v1 und 10 % an v2 sendet, und die DestinationRule, die beide Subsets über das Label version der Pods definiert.</translation>
    </message>
    <message>
        <source>Header-based routing</source>
        <translation>Header-basiertes Routing</translation>
    </message>
    <message>
        <source>Requests with the header x-user-group: beta go to subset v2, all others to v1: a matching rule before the default route, plus the DestinationRule with the subsets.</source>
        <translation>Anfragen mit dem Header x-user-group: beta gehen an das Subset v2, alle anderen an v1: eine Match-Regel vor der Standardroute, dazu die DestinationRule mit den Subsets.</translation>
    </message>
    <message>
        <source>Fault-injection test</source>
        <translation>Fault-Injection-Test</translation>
    </message>
    <message>
        <source>Requests marked x-fault-test: true are delayed by 5 s (10 %) and aborted with 503 (5 %); other requests pass unharmed.</source>
        <translation>Anfragen mit x-fault-test: true werden um 5 s verzögert (10 %) und mit 503 abgebrochen (5 %); andere Anfragen passieren unbehelligt.</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Circuit Breaker</translation>
    </message>
    <message>
        <source>A DestinationRule limiting connections and queued requests (connectionPool) and ejecting hosts that fail five times in a row (outlierDetection).</source>
        <translation>Eine DestinationRule, die Verbindungen und wartende Anfragen begrenzt (connectionPool) und Hosts ausschließt, die fünfmal hintereinander fehlschlagen (outlierDetection).</translation>
    </message>
    <message>
        <source>Local rate limit</source>
        <translation>Lokales Rate Limit</translation>
    </message>
    <message>
        <source>An EnvoyFilter with Envoy&apos;s local rate limit on the inbound side of the host&apos;s pods (label app): 100 requests a minute, then 429.</source>
        <translation>Ein EnvoyFilter mit dem lokalen Rate Limit von Envoy auf der Inbound-Seite der Pods des Hosts (Label app): 100 Anfragen pro Minute, danach 429.</translation>
    </message>
    <message>
        <source>Gateway with HTTPS</source>
        <translation>Gateway mit HTTPS</translation>
    </message>
    <message>
        <source>A Gateway serving the public host on 443 with SIMPLE TLS (certificate from a Secret named by credentialName) and redirecting HTTP on 80 to HTTPS, and a VirtualService bound to it.</source>
        <translation>Ein Gateway, das den öffentlichen Host auf 443 mit SIMPLE-TLS bedient (Zertifikat aus einem per credentialName benannten Secret) und HTTP auf 80 auf HTTPS umleitet, dazu ein daran gebundener VirtualService.</translation>
    </message>
    <message>
        <source>There is no template %1.</source>
        <translation>Es gibt keine Vorlage %1.</translation>
    </message>
    <message>
        <source>The template needs a value for %1.</source>
        <translation>Die Vorlage braucht einen Wert für %1.</translation>
    </message>
    <message>
        <source>A value does not fit into the template&apos;s YAML.</source>
        <translation>Ein Wert passt nicht in das YAML der Vorlage.</translation>
    </message>
</context>
<context>
    <name>TopologyGraph</name>
    <message>
        <source>mirror</source>
        <translation>Spiegelung</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
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
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Bring a dock to the front on start: diagnostics, topology, trial, loadTest, accessLog, cluster, clusterDiff or canary.</source>
        <translation>Beim Start ein Dock in den Vordergrund holen: diagnostics, topology, trial, loadTest, accessLog, cluster, clusterDiff oder canary.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::AddResourcesCommand</name>
    <message numerus="yes">
        <source>Import %n resource(s)</source>
        <translation>
            <numerusform>%n Ressource importieren</numerusform>
            <numerusform>%n Ressourcen importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Some documents did not parse; fix them before importing.</source>
        <translation>Einige Dokumente sind nicht lesbar; korrigieren Sie sie vor dem Import.</translation>
    </message>
    <message>
        <source>Only a resource that parsed can be duplicated.</source>
        <translation>Nur eine lesbare Ressource kann dupliziert werden.</translation>
    </message>
    <message>
        <source>A duplicate needs a new name.</source>
        <translation>Ein Duplikat braucht einen neuen Namen.</translation>
    </message>
    <message>
        <source>Duplicate %1 as %2</source>
        <translation>%1 als %2 duplizieren</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::CanaryDock</name>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>observing</source>
        <translation>wird beobachtet</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>hochgestuft</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>Canary</translation>
    </message>
    <message>
        <source>The project has no VirtualService %1 any more.</source>
        <translation>Das Projekt enthält den VirtualService %1 nicht mehr.</translation>
    </message>
    <message>
        <source>The rollout cannot run: %1</source>
        <translation>Der Rollout kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Cannot use the context %1: %2</source>
        <translation>Der Kontext %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Rolling out on %1.</source>
        <translation>Rollout auf %1 läuft.</translation>
    </message>
    <message>
        <source>Rehearsing on the embedded engine at %1 requests a second.</source>
        <translation>Probelauf auf der eingebetteten Engine mit %1 Anfragen pro Sekunde.</translation>
    </message>
    <message>
        <source>Canary Rollout Running</source>
        <translation>Canary-Rollout läuft</translation>
    </message>
    <message>
        <source>The canary rollout of %1 is still running; the canary has %2 %.

Roll back, so that the stable version gets 100 %, or leave the weights as they are?</source>
        <translation>Der Canary-Rollout von %1 läuft noch; der Canary hat %2 %.

Zurückrollen, sodass die stabile Version 100 % erhält, oder die Gewichte so belassen, wie sie sind?</translation>
    </message>
    <message>
        <source>Roll Back (stable gets 100 %)</source>
        <translation>Zurückrollen (stabile Version erhält 100 %)</translation>
    </message>
    <message>
        <source>Leave the Weights (canary %1 %)</source>
        <translation>Gewichte belassen (Canary %1 %)</translation>
    </message>
    <message>
        <source>The rollout could not start: %1</source>
        <translation>Der Rollout konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Stopped; the weights stay as they are: canary %1 %.</source>
        <translation>Gestoppt; die Gewichte bleiben, wie sie sind: Canary %1 %.</translation>
    </message>
    <message>
        <source>The rollout ended: %1.</source>
        <translation>Der Rollout ist beendet: %1.</translation>
    </message>
    <message>
        <source>It was not recorded in the history: %1</source>
        <translation>Er wurde nicht im Verlauf erfasst: %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>There is no rollout to report on yet.</source>
        <translation>Es gibt noch keinen Rollout, über den berichtet werden kann.</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export Canary Report</source>
        <translation>Canary-Bericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Report written to %1 (with the timeline as PNG beside it).</source>
        <translation>Bericht nach %1 geschrieben (mit der Zeitleiste als PNG daneben).</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::ClusterDock</name>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Cluster Diff</source>
        <translation>Cluster-Diff</translation>
    </message>
    <message>
        <source>Apply cancelled: nothing was sent.</source>
        <translation>Apply abgebrochen: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Not connected: choose a context, or Reconnect.</source>
        <translation>Nicht verbunden: Wählen Sie einen Kontext oder klicken Sie auf Neu verbinden.</translation>
    </message>
    <message>
        <source>&amp;Import from Cluster…</source>
        <translation>Aus Cluster &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Diff with Cluster</source>
        <translation>&amp;Diff mit Cluster</translation>
    </message>
    <message>
        <source>D&amp;ry Run</source>
        <translation>D&amp;ry Run</translation>
    </message>
    <message>
        <source>&amp;Apply to Cluster…</source>
        <translation>Auf Cluster &amp;anwenden…</translation>
    </message>
    <message>
        <source>Talking to the cluster…</source>
        <translation>Kommunikation mit dem Cluster…</translation>
    </message>
    <message>
        <source>The namespaces could not be listed (type one): %1</source>
        <translation>Die Namespaces konnten nicht aufgelistet werden (geben Sie einen ein): %1</translation>
    </message>
    <message>
        <source>Choose a namespace first.</source>
        <translation>Wählen Sie zuerst einen Namespace.</translation>
    </message>
    <message>
        <source>Comparing the project with the cluster…</source>
        <translation>Projekt wird mit dem Cluster verglichen…</translation>
    </message>
    <message>
        <source>%1, namespace %2</source>
        <translation>%1, Namespace %2</translation>
    </message>
    <message>
        <source>Project against %1</source>
        <translation>Projekt im Vergleich zu %1</translation>
    </message>
    <message numerus="yes">
        <source>Diff: %n resource(s) would be created or changed.</source>
        <translation>
            <numerusform>Diff: %n Ressource würde erstellt oder geändert.</numerusform>
            <numerusform>Diff: %n Ressourcen würden erstellt oder geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply to %1: %n resource(s) created or changed, after a dry run of every one.</source>
        <translation>
            <numerusform>Auf %1 anwenden: %n Ressource wird erstellt oder geändert, nach einem vorherigen Dry Run.</numerusform>
            <numerusform>Auf %1 anwenden: %n Ressourcen werden erstellt oder geändert, jede nach einem vorherigen Dry Run.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to apply to %1: the cluster already has the project&apos;s configuration.</source>
        <translation>Nichts auf %1 anzuwenden: Der Cluster hat bereits die Konfiguration des Projekts.</translation>
    </message>
    <message>
        <source>Force: fields other managers own are taken over.</source>
        <translation>Erzwingen: Felder, die anderen Managern gehören, werden übernommen.</translation>
    </message>
    <message>
        <source>Prune: what earlier applies created and the project no longer has is deleted.</source>
        <translation>Bereinigen: Was frühere Apply-Vorgänge erstellt haben und das Projekt nicht mehr enthält, wird gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) that do not parse are not sent.</source>
        <translation>
            <numerusform>%n nicht lesbares Dokument wird nicht gesendet.</numerusform>
            <numerusform>%n nicht lesbare Dokumente werden nicht gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply 1 change</source>
        <translation>1 Änderung anwenden</translation>
    </message>
    <message>
        <source>Apply %1 changes</source>
        <translation>%1 Änderungen anwenden</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>Dry run…</source>
        <translation>Dry Run…</translation>
    </message>
    <message>
        <source>Dry run: the server accepts every resource. Nothing was changed.</source>
        <translation>Dry Run: Der Server akzeptiert jede Ressource. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Dry run: the server refused (see below). Nothing was changed.</source>
        <translation>Dry Run: Der Server hat abgelehnt (siehe unten). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Rolled back, recorded as %1.</source>
        <translation>Zurückgerollt, im Verlauf als %1 erfasst.</translation>
    </message>
    <message>
        <source>Rollback failed (see below); recorded as %1.</source>
        <translation>Rollback fehlgeschlagen (siehe unten); im Verlauf als %1 erfasst.</translation>
    </message>
    <message>
        <source>Applied, recorded as %1.</source>
        <translation>Angewendet, im Verlauf als %1 erfasst.</translation>
    </message>
    <message>
        <source>Apply failed (see below): what was applied before the failure was put back.</source>
        <translation>Apply fehlgeschlagen (siehe unten): Was vor dem Fehler angewendet wurde, wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>Apply refused (see below): nothing was changed in the cluster.</source>
        <translation>Apply abgelehnt (siehe unten): Im Cluster wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The history entry was not written: %1</source>
        <translation>Der Verlaufseintrag wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Open or create a project first: imported resources become part of it.</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt: Importierte Ressourcen werden Teil davon.</translation>
    </message>
    <message>
        <source>Reading namespace %1…</source>
        <translation>Namespace %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Import %n resource(s) from the cluster</source>
        <translation>
            <numerusform>%n Ressource aus dem Cluster importieren</numerusform>
            <numerusform>%n Ressourcen aus dem Cluster importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n resource(s) from namespace %1 into %2</source>
        <translation>
            <numerusform>%n Ressource aus Namespace %1 in %2 importiert</numerusform>
            <numerusform>%n Ressourcen aus Namespace %1 in %2 importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new in namespace %1</source>
        <translation>Nichts Neues in Namespace %1</translation>
    </message>
    <message numerus="yes">
        <source>; skipped %n the project already has</source>
        <translation>
            <numerusform>; %n Ressource übersprungen, die das Projekt bereits enthält</numerusform>
            <numerusform>; %n Ressourcen übersprungen, die das Projekt bereits enthält</numerusform>
        </translation>
    </message>
    <message>
        <source>The history has no entry %1 any more.</source>
        <translation>Der Verlauf enthält keinen Eintrag %1 mehr.</translation>
    </message>
    <message numerus="yes">
        <source>Apply again what %1 applied (%n resource(s), at %2) to context %3?</source>
        <translation>
            <numerusform>Was %1 angewendet hat (%n Ressource, vom %2), erneut auf Kontext %3 anwenden?</numerusform>
            <numerusform>Was %1 angewendet hat (%n Ressourcen, vom %2), erneut auf Kontext %3 anwenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>That entry was applied to context %1.</source>
        <translation>Dieser Eintrag wurde auf Kontext %1 angewendet.</translation>
    </message>
    <message>
        <source>Prune is on: what later applies added is deleted.</source>
        <translation>Bereinigen ist aktiv: Was spätere Apply-Vorgänge hinzugefügt haben, wird gelöscht.</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Rolling back to %1…</source>
        <translation>Zurückrollen auf %1…</translation>
    </message>
    <message>
        <source>The project has no %1.</source>
        <translation>Das Projekt enthält %1 nicht.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::Document</name>
    <message>
        <source>Cannot open %1: not a readable folder</source>
        <translation>%1 kann nicht geöffnet werden: kein lesbarer Ordner</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Could not save:
%1</source>
        <translation>Speichern nicht möglich:
%1</translation>
    </message>
    <message>
        <source>%1 already holds manifests or a project: choose an empty folder.</source>
        <translation>%1 enthält bereits Manifeste oder ein Projekt: Wählen Sie einen leeren Ordner.</translation>
    </message>
    <message>
        <source>Cannot reload %1: %2</source>
        <translation>%1 kann nicht neu geladen werden: %2</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>Von der Festplatte neu laden</translation>
    </message>
    <message>
        <source>Restore unsaved changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::DocumentCommand</name>
    <message>
        <source>The resource no longer exists.</source>
        <translation>Die Ressource existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::EngineActions</name>
    <message>
        <source>&amp;Start Engine</source>
        <translation>Engine &amp;starten</translation>
    </message>
    <message>
        <source>S&amp;top Engine</source>
        <translation>Engine s&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Restart Engine</source>
        <translation>Engine &amp;neu starten</translation>
    </message>
    <message>
        <source>Runs the open project in the embedded engine: a mesh listener, one listener per Gateway port and an admin listener on 127.0.0.1 (the ports of meshstudio.yaml&apos;s engine section, else free ones). While it runs, every edit without errors is applied at once.</source>
        <translation>Führt das geöffnete Projekt in der eingebetteten Engine aus: ein Mesh-Listener, ein Listener pro Gateway-Port und ein Admin-Listener auf 127.0.0.1 (die Ports aus dem Abschnitt engine der meshstudio.yaml, sonst freie). Solange sie läuft, wird jede fehlerfreie Änderung sofort übernommen.</translation>
    </message>
    <message>
        <source>Stops the engine: its listeners close and requests in flight are cut.</source>
        <translation>Stoppt die Engine: Ihre Listener werden geschlossen, und laufende Anfragen werden abgebrochen.</translation>
    </message>
    <message>
        <source>Stops the engine and starts it again on the current configuration, with fresh counters and no ejected hosts.</source>
        <translation>Stoppt die Engine und startet sie mit der aktuellen Konfiguration neu, mit zurückgesetzten Zählern und ohne ausgeschlossene Hosts.</translation>
    </message>
    <message>
        <source> · %1 %2</source>
        <translation> · %1 %2</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::EngineBridge</name>
    <message>
        <source>the listener address %1 is not an IP address</source>
        <translation>die Listener-Adresse %1 ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>cancelled: the engine stopped while the trial was in flight</source>
        <translation>abgebrochen: Die Engine wurde gestoppt, während die Testanfrage lief</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Engine stopped</source>
        <translation>Engine gestoppt</translation>
    </message>
    <message>
        <source>Engine stopped: %1</source>
        <translation>Engine gestoppt: %1</translation>
    </message>
    <message>
        <source>Engine running revision %1</source>
        <translation>Engine läuft mit Revision %1</translation>
    </message>
    <message>
        <source>Running revision %1; revision %2 has 1 error — not applied</source>
        <translation>Revision %1 läuft; Revision %2 hat 1 Fehler — nicht übernommen</translation>
    </message>
    <message>
        <source>Running revision %1; revision %2 has %3 errors — not applied</source>
        <translation>Revision %1 läuft; Revision %2 hat %3 Fehler — nicht übernommen</translation>
    </message>
    <message>
        <source>Running revision %1; applying revision %2…</source>
        <translation>Revision %1 läuft; Revision %2 wird übernommen…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The ports in meshstudio.yaml were taken, so the engine listens on free ports.</source>
        <translation>Die Ports aus meshstudio.yaml waren belegt, daher lauscht die Engine auf freien Ports.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>mesh</source>
        <translation>mesh</translation>
    </message>
    <message>
        <source>gateway %1%2</source>
        <translation>Gateway %1%2</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation> (TLS)</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>no project is open</source>
        <translation>kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>revision %1 has 1 error; fix it to start the engine</source>
        <translation>Revision %1 hat 1 Fehler; beheben Sie ihn, um die Engine zu starten</translation>
    </message>
    <message>
        <source>revision %1 has %2 errors; fix them to start the engine</source>
        <translation>Revision %1 hat %2 Fehler; beheben Sie sie, um die Engine zu starten</translation>
    </message>
    <message numerus="yes">
        <source>… %n line(s) skipped: more arrived than the log keeps between updates</source>
        <translation>
            <numerusform>… %n Zeile übersprungen: Es kam mehr an, als das Log zwischen zwei Aktualisierungen vorhält</numerusform>
            <numerusform>… %n Zeilen übersprungen: Es kam mehr an, als das Log zwischen zwei Aktualisierungen vorhält</numerusform>
        </translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>no listener %1</source>
        <translation>kein Listener %1</translation>
    </message>
    <message>
        <source>the engine is not running (Engine → Start)</source>
        <translation>die Engine läuft nicht (Engine → Engine starten)</translation>
    </message>
    <message>
        <source>%1 serves TLS: trials are sent over plain HTTP; Explain it, or Copy as curl</source>
        <translation>%1 bedient TLS: Testanfragen werden über einfaches HTTP gesendet; verwenden Sie Erklären oder Als curl kopieren</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::EngineWorkbench</name>
    <message>
        <source>Trial</source>
        <translation>Testanfrage</translation>
    </message>
    <message>
        <source>Access Log</source>
        <translation>Access-Log</translation>
    </message>
    <message>
        <source>Load Test</source>
        <translation>Lasttest</translation>
    </message>
    <message>
        <source>&amp;Canary Rollout…</source>
        <translation>&amp;Canary-Rollout…</translation>
    </message>
    <message>
        <source>Raise a canary&apos;s weight step by step, watching its error rate and p99, and roll back when a gate fails: rehearsed on the engine or on a cluster.</source>
        <translation>Das Gewicht eines Canary schrittweise erhöhen, dabei seine Fehlerrate und p99 beobachten und zurückrollen, wenn ein Gate nicht bestanden wird: als Probelauf auf der Engine oder auf einem Cluster.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::GitExportDialog</name>
    <message>
        <source>Export to Git</source>
        <translation>Nach Git exportieren</translation>
    </message>
    <message>
        <source>A folder inside a git work tree</source>
        <translation>Ein Ordner in einem Git-Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a folder inside a git work tree.</source>
        <translation>Wählen Sie einen Ordner in einem Git-Arbeitsverzeichnis.</translation>
    </message>
    <message>
        <source>One file: manifests.yaml</source>
        <translation>Eine Datei: manifests.yaml</translation>
    </message>
    <message>
        <source>One file per resource, with kustomization.yaml</source>
        <translation>Eine Datei pro Ressource, mit kustomization.yaml</translation>
    </message>
    <message>
        <source>&amp;Write Files</source>
        <translation>&amp;Dateien schreiben</translation>
    </message>
    <message>
        <source>Writes the manifests into the folder (and removes files an earlier export wrote that are no longer part of the project), then shows git status and the diff against HEAD.</source>
        <translation>Schreibt die Manifeste in den Ordner (und entfernt Dateien eines früheren Exports, die nicht mehr zum Projekt gehören) und zeigt dann git status und den Diff gegen HEAD.</translation>
    </message>
    <message>
        <source>An existing branch, or a new name: a new branch starts at HEAD.</source>
        <translation>Ein vorhandener Branch oder ein neuer Name: Ein neuer Branch beginnt bei HEAD.</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>&amp;Committen</translation>
    </message>
    <message>
        <source>Commits exactly the written files to the branch; other files are left alone.</source>
        <translation>Committet genau die geschriebenen Dateien in den Branch; andere Dateien bleiben unberührt.</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Diff against HEAD:</source>
        <translation>Diff gegen HEAD:</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>Branch:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>Export to Git: Choose a Folder</source>
        <translation>Nach Git exportieren: Ordner wählen</translation>
    </message>
    <message>
        <source>Choose a folder outside the project: its files would become part of the project.</source>
        <translation>Wählen Sie einen Ordner außerhalb des Projekts: Seine Dateien würden sonst Teil des Projekts.</translation>
    </message>
    <message>
        <source>This folder is not inside a git work tree, so it cannot be exported to git (%1).</source>
        <translation>Dieser Ordner liegt in keinem Git-Arbeitsverzeichnis, daher kann nicht nach Git exportiert werden (%1).</translation>
    </message>
    <message>
        <source>Git work tree %1, HEAD detached.</source>
        <translation>Git-Arbeitsverzeichnis %1, losgelöster HEAD.</translation>
    </message>
    <message>
        <source>Git work tree %1, on branch %2.</source>
        <translation>Git-Arbeitsverzeichnis %1, auf Branch %2.</translation>
    </message>
    <message>
        <source>Some documents of the project do not parse; fix them before exporting.</source>
        <translation>Einige Dokumente des Projekts sind nicht lesbar; korrigieren Sie sie vor dem Export.</translation>
    </message>
    <message>
        <source>Could not write the files: %1</source>
        <translation>Die Dateien konnten nicht geschrieben werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s).</source>
        <translation>
            <numerusform>%n Datei geschrieben.</numerusform>
            <numerusform>%n Dateien geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n file(s) an earlier export wrote.</source>
        <translation>
            <numerusform>%n Datei eines früheren Exports entfernt.</numerusform>
            <numerusform>%n Dateien eines früheren Exports entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes: the files match the index and HEAD.</source>
        <translation>Keine Änderungen: Die Dateien entsprechen dem Index und HEAD.</translation>
    </message>
    <message>
        <source>git status failed: %1</source>
        <translation>git status fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No difference from HEAD.</source>
        <translation>Kein Unterschied zu HEAD.</translation>
    </message>
    <message>
        <source>Write the files first.</source>
        <translation>Schreiben Sie zuerst die Dateien.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid branch name.</source>
        <translation>&quot;%1&quot; ist kein gültiger Branch-Name.</translation>
    </message>
    <message>
        <source>Write a commit message.</source>
        <translation>Geben Sie eine Commit-Nachricht ein.</translation>
    </message>
    <message>
        <source>Commit failed: %1</source>
        <translation>Commit fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Nothing to commit: branch %1 already has these files.</source>
        <translation>Nichts zu committen: Branch %1 enthält diese Dateien bereits.</translation>
    </message>
    <message>
        <source>Committed %1 to the new branch %2.</source>
        <translation>%1 in den neuen Branch %2 committet.</translation>
    </message>
    <message>
        <source>Committed %1 to branch %2.</source>
        <translation>%1 in Branch %2 committet.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::LoadTestController</name>
    <message>
        <source>Save load test report</source>
        <translation>Lasttest-Bericht speichern</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON-Bericht (*.json)</translation>
    </message>
    <message>
        <source>Save load test time series</source>
        <translation>Zeitreihe des Lasttests speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save load test charts</source>
        <translation>Diagramme des Lasttests speichern</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Choose two load test reports</source>
        <translation>Zwei Lasttest-Berichte wählen</translation>
    </message>
    <message>
        <source>Choose exactly two reports to compare.</source>
        <translation>Wählen Sie genau zwei Berichte zum Vergleichen.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Compare load tests</source>
        <translation>Lasttests vergleichen</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::LoadTestRunner</name>
    <message>
        <source>A load test is already running.</source>
        <translation>Es läuft bereits ein Lasttest.</translation>
    </message>
    <message>
        <source>Start the engine first: the load test goes through it.</source>
        <translation>Starten Sie zuerst die Engine: Der Lasttest läuft über sie.</translation>
    </message>
    <message>
        <source>The load test speaks plain HTTP; %1 is served with TLS.</source>
        <translation>Der Lasttest spricht reines HTTP; %1 wird mit TLS bereitgestellt.</translation>
    </message>
    <message>
        <source>No finished load test to save.</source>
        <translation>Kein abgeschlossener Lasttest zum Speichern.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No load test samples to save.</source>
        <translation>Keine Lasttest-Messwerte zum Speichern.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a load test report.</source>
        <translation>%1 ist kein Lasttest-Bericht.</translation>
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
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find in YAML…</source>
        <translation>In YAML &amp;suchen…</translation>
    </message>
    <message>
        <source>Searches the YAML view; every match is boxed, Enter goes to the next one.</source>
        <translation>Durchsucht die YAML-Ansicht; jeder Treffer wird umrahmt, Enter springt zum nächsten.</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Nächster Treffer</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Filter &amp;Resources</source>
        <translation>Ressourcen &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Mesh Studio did not close cleanly while %1 had unsaved changes (last kept %2).

Restore them? Discard deletes them for good.</source>
        <translation>Mesh Studio wurde nicht sauber beendet, während %1 ungespeicherte Änderungen hatte (zuletzt gesichert %2).

Sollen sie wiederhergestellt werden? Verwerfen löscht sie endgültig.</translation>
    </message>
    <message>
        <source>Cannot restore: %1</source>
        <translation>Wiederherstellen nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 changed on disk.

Reload the project? Your unsaved edits are replaced; Edit → Undo brings them back.</source>
        <translation>%1 wurde auf der Festplatte geändert.

Projekt neu laden? Ihre ungespeicherten Änderungen werden ersetzt; Bearbeiten → Rückgängig holt sie zurück.</translation>
    </message>
    <message>
        <source>%1 changed on disk.

Reload the project?</source>
        <translation>%1 wurde auf der Festplatte geändert.

Projekt neu laden?</translation>
    </message>
    <message>
        <source>Files Changed on Disk</source>
        <translation>Dateien auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 hat ungespeicherte Änderungen. Sollen sie gespeichert werden?</translation>
    </message>
    <message>
        <source>Mesh Studio — %1*</source>
        <translation>Mesh Studio — %1*</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <source>The quick fix could not be applied: %1</source>
        <translation>Die Schnellkorrektur konnte nicht angewendet werden: %1</translation>
    </message>
    <message>
        <source> · unapplied edit (it does not parse)</source>
        <translation> · nicht übernommene Änderung (nicht lesbar)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Engine</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::MatchedRuleHighlighter</name>
    <message>
        <source>The rule the last trial matched</source>
        <translation>Die Regel, auf die die letzte Testanfrage gepasst hat</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::MoveListItemCommand</name>
    <message>
        <source>Not a field path: %1</source>
        <translation>Kein Feldpfad: %1</translation>
    </message>
    <message>
        <source>Cannot move item %1 of %2</source>
        <translation>Eintrag %1 von %2 kann nicht verschoben werden</translation>
    </message>
    <message>
        <source>Cannot move: %1</source>
        <translation>Verschieben nicht möglich: %1</translation>
    </message>
    <message>
        <source>Move %1 item %2 to %3</source>
        <translation>%1: Eintrag %2 an Position %3 verschieben</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The language of the studio&apos;s menus, forms and messages. &quot;System language&quot; uses your desktop&apos;s language when the studio has a translation for it, else English.</source>
        <translation>Die Sprache der Menüs, Formulare und Meldungen des Studios. &quot;Systemsprache&quot; verwendet die Sprache Ihres Desktops, wenn das Studio eine Übersetzung dafür hat, sonst Englisch.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Dem System folgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>The colours of the window. &quot;Follow the system&quot; uses your desktop&apos;s palette, light or dark.</source>
        <translation>Die Farben des Fensters. &quot;Dem System folgen&quot; verwendet die Palette Ihres Desktops, hell oder dunkel.</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often unsaved edits are copied to a recovery file, so a crash loses at most this much work. Default: 30 s.</source>
        <translation>Wie oft ungespeicherte Änderungen in eine Wiederherstellungsdatei kopiert werden, sodass ein Absturz höchstens so viel Arbeit kostet. Standard: 30 s.</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>Automatisch sichern &amp;alle:</translation>
    </message>
    <message>
        <source>The new language applies the next time Mesh Studio starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Mesh Studio.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::ProjectActions</name>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>Starts an empty project in an empty folder.</source>
        <translation>Beginnt ein leeres Projekt in einem leeren Ordner.</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>Ordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Opens a folder of manifests as a project.</source>
        <translation>Öffnet einen Ordner mit Manifesten als Projekt.</translation>
    </message>
    <message>
        <source>Open &amp;Files…</source>
        <translation>&amp;Dateien öffnen…</translation>
    </message>
    <message>
        <source>Imports YAML files into the open project, as one step you can undo.</source>
        <translation>Importiert YAML-Dateien in das geöffnete Projekt, als ein Schritt, den Sie rückgängig machen können.</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Writes the changed files of the project.</source>
        <translation>Schreibt die geänderten Dateien des Projekts.</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Writes the whole project into another folder and goes on there.</source>
        <translation>Schreibt das ganze Projekt in einen anderen Ordner und arbeitet dort weiter.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Writes canonical Istio YAML for kubectl or GitOps: one file, or one per resource with a kustomization.yaml.</source>
        <translation>Schreibt kanonisches Istio-YAML für kubectl oder GitOps: eine Datei oder eine pro Ressource mit einer kustomization.yaml.</translation>
    </message>
    <message>
        <source>New Project: Choose an Empty Folder</source>
        <translation>Neues Projekt: Leeren Ordner wählen</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Cannot create a project in %1.</source>
        <translation>In %1 kann kein Projekt angelegt werden.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Open Project Folder</source>
        <translation>Projektordner öffnen</translation>
    </message>
    <message>
        <source>%1 is not a readable folder.</source>
        <translation>%1 ist kein lesbarer Ordner.</translation>
    </message>
    <message>
        <source>Removed from Open Recent, the folder no longer exists: %1</source>
        <translation>Aus &quot;Zuletzt geöffnet&quot; entfernt, da der Ordner nicht mehr existiert: %1</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Open Recent</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the list.</source>
        <translation>%1 existiert nicht mehr; der Eintrag wurde aus der Liste entfernt.</translation>
    </message>
    <message>
        <source>Open Files into the Project</source>
        <translation>Dateien in das Projekt importieren</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML-Dateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Open or create a project first: imported resources become part of it.</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt: Importierte Ressourcen werden Teil davon.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n resource(s)</source>
        <translation>
            <numerusform>%n Ressource importiert</numerusform>
            <numerusform>%n Ressourcen importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n document(s) did not parse (see Diagnostics)</source>
        <translation>
            <numerusform>; %n Dokument ist nicht lesbar (siehe Diagnose)</numerusform>
            <numerusform>; %n Dokumente sind nicht lesbar (siehe Diagnose)</numerusform>
        </translation>
    </message>
    <message>
        <source>; some files could not be read (see Diagnostics)</source>
        <translation>; einige Dateien konnten nicht gelesen werden (siehe Diagnose)</translation>
    </message>
    <message>
        <source>Save Project As: Choose an Empty Folder</source>
        <translation>Projekt speichern unter: Leeren Ordner wählen</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>One file: manifests.yaml</source>
        <translation>Eine Datei: manifests.yaml</translation>
    </message>
    <message>
        <source>One file per resource: &lt;namespace&gt;/&lt;kind&gt;-&lt;name&gt;.yaml and kustomization.yaml</source>
        <translation>Eine Datei pro Ressource: &lt;namespace&gt;/&lt;kind&gt;-&lt;name&gt;.yaml und kustomization.yaml</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Some documents of the project do not parse; fix them before exporting.</source>
        <translation>Einige Dokumente des Projekts sind nicht lesbar; korrigieren Sie sie vor dem Export.</translation>
    </message>
    <message>
        <source>Export to a folder outside the project: its files would become part of the project.</source>
        <translation>Exportieren Sie in einen Ordner außerhalb des Projekts: Seine Dateien würden sonst Teil des Projekts.</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>Export nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n resource(s) to %1</source>
        <translation>
            <numerusform>%n Ressource nach %1 exportiert</numerusform>
            <numerusform>%n Ressourcen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to &amp;Git…</source>
        <translation>Nach &amp;Git exportieren…</translation>
    </message>
    <message>
        <source>Writes the manifests into a folder of a git work tree, shows git status and the diff, and commits them to a branch.</source>
        <translation>Schreibt die Manifeste in einen Ordner eines Git-Arbeitsverzeichnisses, zeigt git status und den Diff und committet sie in einen Branch.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::RecoveryFile</name>
    <message>
        <source>%1 is not a recovery file.</source>
        <translation>%1 ist keine Wiederherstellungsdatei.</translation>
    </message>
    <message>
        <source>%1 is not a recovery file of this version.</source>
        <translation>%1 ist keine Wiederherstellungsdatei dieser Version.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::RemoveResourcesCommand</name>
    <message>
        <source>The resource no longer exists.</source>
        <translation>Die Ressource existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n resource(s)</source>
        <translation>
            <numerusform>%n Ressource löschen</numerusform>
            <numerusform>%n Ressourcen löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshstudio::app::RenameResourceCommand</name>
    <message>
        <source>A resource needs a name.</source>
        <translation>Eine Ressource braucht einen Namen.</translation>
    </message>
    <message>
        <source>This document did not parse; edit its YAML instead.</source>
        <translation>Dieses Dokument ist nicht lesbar; bearbeiten Sie stattdessen sein YAML.</translation>
    </message>
    <message>
        <source>There is already a %1 named %2 in this namespace.</source>
        <translation>In diesem Namespace gibt es bereits ein Objekt vom Typ %1 namens %2.</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::ReplaceResourceCommand</name>
    <message>
        <source>The YAML does not parse.</source>
        <translation>Das YAML ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The YAML holds no document.</source>
        <translation>Das YAML enthält kein Dokument.</translation>
    </message>
    <message>
        <source>The YAML holds %1 documents; a resource is one.</source>
        <translation>Das YAML enthält %1 Dokumente; eine Ressource ist genau eines.</translation>
    </message>
    <message>
        <source>Edit YAML of %1</source>
        <translation>YAML von %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::ResourceActions</name>
    <message>
        <source>New from &amp;Template…</source>
        <translation>Neu aus V&amp;orlage…</translation>
    </message>
    <message>
        <source>Adds resources for a common traffic pattern (canary split, header routing, fault injection, circuit breaker, rate limit, HTTPS gateway).</source>
        <translation>Fügt Ressourcen für ein gängiges Traffic-Muster hinzu (Canary-Aufteilung, Header-Routing, Fault Injection, Circuit Breaker, Rate Limit, HTTPS-Gateway).</translation>
    </message>
    <message>
        <source>D&amp;uplicate Resource</source>
        <translation>Ressource d&amp;uplizieren</translation>
    </message>
    <message>
        <source>Adds a copy of the selected resource named &lt;name&gt;-copy, in the same file.</source>
        <translation>Fügt eine Kopie der ausgewählten Ressource namens &lt;name&gt;-copy in derselben Datei hinzu.</translation>
    </message>
    <message>
        <source>&amp;Rename Resource…</source>
        <translation>Ressource u&amp;mbenennen…</translation>
    </message>
    <message>
        <source>Changes the selected resource&apos;s metadata.name; it stays in its file.</source>
        <translation>Ändert metadata.name der ausgewählten Ressource; sie bleibt in ihrer Datei.</translation>
    </message>
    <message>
        <source>&amp;Delete Resource</source>
        <translation>Ressource &amp;löschen</translation>
    </message>
    <message>
        <source>Removes the selected resource from the project. Undo brings it back.</source>
        <translation>Entfernt die ausgewählte Ressource aus dem Projekt. Rückgängig holt sie zurück.</translation>
    </message>
    <message>
        <source>New from Template</source>
        <translation>Neu aus Vorlage</translation>
    </message>
    <message>
        <source>The project already has %1. Choose another name.</source>
        <translation>Das Projekt enthält bereits %1. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n resource(s) from the template</source>
        <translation>
            <numerusform>%n Ressource aus der Vorlage hinzugefügt</numerusform>
            <numerusform>%n Ressourcen aus der Vorlage hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Resource</source>
        <translation>Ressource umbenennen</translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation>Neuer Name für %1:</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::ResourceEditorHost</name>
    <message>
        <source>No resource selected</source>
        <translation>Keine Ressource ausgewählt</translation>
    </message>
    <message>
        <source>Select a resource in the project tree to edit it here. Its YAML is shown beside the form; either can be edited, and each follows the other.</source>
        <translation>Wählen Sie im Projektbaum eine Ressource aus, um sie hier zu bearbeiten. Ihr YAML wird neben dem Formular angezeigt; beide lassen sich bearbeiten und folgen einander.</translation>
    </message>
    <message>
        <source>Unparsed document</source>
        <translation>Nicht lesbares Dokument</translation>
    </message>
    <message>
        <source>This document could not be read. Fix it in the YAML view; the form appears once it parses.</source>
        <translation>Dieses Dokument konnte nicht gelesen werden. Korrigieren Sie es in der YAML-Ansicht; das Formular erscheint, sobald es lesbar ist.</translation>
    </message>
    <message>
        <source>There is no form for this kind. Edit it in the YAML view: every field is kept as written.</source>
        <translation>Für diesen Ressourcentyp gibt es kein Formular. Bearbeiten Sie die Ressource in der YAML-Ansicht: Jedes Feld bleibt wie geschrieben erhalten.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::SetFieldsCommand</name>
    <message>
        <source>Nothing to set.</source>
        <translation>Nichts zu setzen.</translation>
    </message>
    <message>
        <source>This document did not parse; edit its YAML instead.</source>
        <translation>Dieses Dokument ist nicht lesbar; bearbeiten Sie stattdessen sein YAML.</translation>
    </message>
    <message>
        <source>Not a field path: %1</source>
        <translation>Kein Feldpfad: %1</translation>
    </message>
    <message>
        <source>Cannot set %1</source>
        <translation>Setzen nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n fields</source>
        <translation>
            <numerusform>%n Feld</numerusform>
            <numerusform>%n Felder</numerusform>
        </translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>%1 von %2 setzen</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::SetSettingsCommand</name>
    <message>
        <source>Change project settings</source>
        <translation>Projekteinstellungen ändern</translation>
    </message>
    <message>
        <source>The project settings must be a map.</source>
        <translation>Die Projekteinstellungen müssen eine Map sein.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::TemplateDialog</name>
    <message>
        <source>&amp;Public host:</source>
        <translation>Ö&amp;ffentlicher Host:</translation>
    </message>
    <message>
        <source>New from Template</source>
        <translation>Neu aus Vorlage</translation>
    </message>
    <message>
        <source>e.g. reviews</source>
        <translation>z. B. reviews</translation>
    </message>
    <message>
        <source>metadata.name of the new resources (a Gateway gets &lt;name&gt;-gateway).</source>
        <translation>metadata.name der neuen Ressourcen (ein Gateway erhält &lt;name&gt;-gateway).</translation>
    </message>
    <message>
        <source>The Service the traffic goes to: a short name resolves in the resource&apos;s namespace.</source>
        <translation>Der Service, an den der Traffic geht: Ein Kurzname wird im Namespace der Ressource aufgelöst.</translation>
    </message>
    <message>
        <source>The host name clients use, served by the Gateway (a Secret &lt;name&gt;-credential holds its certificate).</source>
        <translation>Der Hostname, den Clients verwenden, bedient vom Gateway (ein Secret &lt;name&gt;-credential enthält sein Zertifikat).</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Names&amp;pace:</source>
        <translation>Names&amp;pace:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>Wählen Sie eine Vorlage.</translation>
    </message>
    <message>
        <source>Choose the host the traffic goes to.</source>
        <translation>Wählen Sie den Host, an den der Traffic geht.</translation>
    </message>
    <message>
        <source>A host cannot contain spaces.</source>
        <translation>Ein Host darf keine Leerzeichen enthalten.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::TrialDock</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>Er&amp;klären</translation>
    </message>
    <message>
        <source>The trials saved in this project (meshstudio.yaml): choose one to load it.</source>
        <translation>Die in diesem Projekt gespeicherten Testanfragen (meshstudio.yaml): Wählen Sie eine aus, um sie zu laden.</translation>
    </message>
    <message>
        <source>Trial name</source>
        <translation>Name der Testanfrage</translation>
    </message>
    <message>
        <source>The name the trial is saved under in meshstudio.yaml; saving under an existing name replaces that trial.</source>
        <translation>Der Name, unter dem die Testanfrage in meshstudio.yaml gespeichert wird; Speichern unter einem vorhandenen Namen ersetzt diese Testanfrage.</translation>
    </message>
    <message>
        <source>Save Trial</source>
        <translation>Testanfrage speichern</translation>
    </message>
    <message>
        <source>Saves the request under the name beside it, in the project&apos;s meshstudio.yaml (undoable; written with File → Save).</source>
        <translation>Speichert die Anfrage unter dem Namen daneben in der meshstudio.yaml des Projekts (rückgängig machbar; geschrieben mit Datei → Speichern).</translation>
    </message>
    <message>
        <source>Delete Trial</source>
        <translation>Testanfrage löschen</translation>
    </message>
    <message>
        <source>Removes the saved trial of that name from the project (undoable).</source>
        <translation>Entfernt die gespeicherte Testanfrage dieses Namens aus dem Projekt (rückgängig machbar).</translation>
    </message>
    <message>
        <source>Sends the request through the running engine (real HTTP to the listener its host picks) and shows the response and the decision trace with the destination and pod that answered.</source>
        <translation>Sendet die Anfrage durch die laufende Engine (echtes HTTP an den Listener, den ihr Host bestimmt) und zeigt die Antwort und den Entscheidungs-Trace mit dem Ziel und dem Pod, der geantwortet hat.</translation>
    </message>
    <message>
        <source>Shows how the configuration routes the request without sending it: every rule considered and why it did or did not match. Works with the engine stopped.</source>
        <translation>Zeigt, wie die Konfiguration die Anfrage routet, ohne sie zu senden: jede geprüfte Regel und warum sie gepasst hat oder nicht. Funktioniert auch bei gestoppter Engine.</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <source>Copies a curl command that sends this request to the engine&apos;s listener with the right Host header.</source>
        <translation>Kopiert einen curl-Befehl, der diese Anfrage mit dem richtigen Host-Header an den Listener der Engine sendet.</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Suite</source>
        <translation>Testsuite</translation>
    </message>
    <message>
        <source>Save Trial Suite</source>
        <translation>Testsuite speichern</translation>
    </message>
    <message>
        <source>Route tests (*.yaml *.yml)</source>
        <translation>Routentests (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Load Trial Suite</source>
        <translation>Testsuite laden</translation>
    </message>
    <message>
        <source>Route tests (*.yaml *.yml);;All files (*)</source>
        <translation>Routentests (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved trials…</source>
        <translation>Gespeicherte Testanfragen…</translation>
    </message>
    <message>
        <source>Name the trial first.</source>
        <translation>Geben Sie der Testanfrage zuerst einen Namen.</translation>
    </message>
    <message>
        <source>Save trial &quot;%1&quot;</source>
        <translation>Testanfrage &quot;%1&quot; speichern</translation>
    </message>
    <message>
        <source>Saved trial &quot;%1&quot; in meshstudio.yaml (File → Save writes it).</source>
        <translation>Testanfrage &quot;%1&quot; in meshstudio.yaml gespeichert (Datei → Speichern schreibt sie).</translation>
    </message>
    <message>
        <source>No saved trial is named &quot;%1&quot;.</source>
        <translation>Es gibt keine gespeicherte Testanfrage namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Delete trial &quot;%1&quot;</source>
        <translation>Testanfrage &quot;%1&quot; löschen</translation>
    </message>
    <message>
        <source>Deleted trial &quot;%1&quot;.</source>
        <translation>Testanfrage &quot;%1&quot; gelöscht.</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Kopiert: %1</translation>
    </message>
    <message>
        <source>Copied (the engine is stopped: start it for the port to answer): %1</source>
        <translation>Kopiert (die Engine ist gestoppt: Starten Sie sie, damit der Port antwortet): %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>trial %1</source>
        <translation>Testanfrage %1</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed (%3)</source>
        <translation>%1 bestanden, %2 fehlgeschlagen (%3)</translation>
    </message>
    <message>
        <source>on the running configuration</source>
        <translation>mit der laufenden Konfiguration</translation>
    </message>
    <message>
        <source>on the current document; the engine is stopped</source>
        <translation>mit dem aktuellen Dokument; die Engine ist gestoppt</translation>
    </message>
    <message>
        <source>Saved %1: run it with meshstudio-cli test %1 --config %2</source>
        <translation>%1 gespeichert: Ausführen mit meshstudio-cli test %1 --config %2</translation>
    </message>
    <message>
        <source>Saved %1 without: %2</source>
        <translation>%1 gespeichert, ohne: %2</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n trial(s).</source>
        <translation>
            <numerusform>%n Testanfrage geladen.</numerusform>
            <numerusform>%n Testanfragen geladen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshstudio::app::TrialSuiteFile</name>
    <message>
        <source>trial %1</source>
        <translation>Testanfrage %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no expected destination: write host/subset, e.g. reviews/v2</source>
        <translation>kein erwartetes Ziel: Geben Sie host/subset an, z. B. reviews/v2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not host[:port][/subset][ (weight)]</source>
        <translation>&quot;%1&quot; hat nicht die Form host[:port][/subset][ (weight)]</translation>
    </message>
    <message>
        <source># Route tests saved by Mesh Studio&apos;s trial suite (istio-config-validator&apos;s format).
# Run them with: meshstudio-cli test THIS_FILE --config PROJECT_FOLDER
</source>
        <translation># Routentests, gespeichert von der Testsuite von Mesh Studio (Format von istio-config-validator).
# Ausführen mit: meshstudio-cli test DIESE_DATEI --config PROJEKTORDNER
</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1:%2: %3: only the route is shown and checked here; run the file with meshstudio-cli test for its other assertions</source>
        <translation>%1:%2: %3: Hier wird nur die Route angezeigt und geprüft; führen Sie die Datei für ihre übrigen Assertions mit meshstudio-cli test aus</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>Testanfrage</translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation>%1: erwartet %2, erhalten %3</translation>
    </message>
    <message>
        <source>matched %1</source>
        <translation>passt zu %1</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::TrialTarget</name>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>%1 (mesh listener)</source>
        <translation>%1 (Mesh-Listener)</translation>
    </message>
    <message>
        <source>%1 (%2 listener)</source>
        <translation>%1 (Listener %2)</translation>
    </message>
    <message>
        <source>Type a URL, such as http://reviews:9080/.</source>
        <translation>Geben Sie eine URL ein, etwa http://reviews:9080/.</translation>
    </message>
    <message>
        <source>Only http:// and https:// URLs can be tried, not %1://.</source>
        <translation>Nur http://- und https://-URLs können getestet werden, nicht %1://.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host.</source>
        <translation>&quot;%1&quot; hat keinen Host.</translation>
    </message>
</context>
<context>
    <name>meshstudio::app::TrialTraceBuilder</name>
    <message>
        <source>%1 subset %2</source>
        <translation>%1 Subset %2</translation>
    </message>
    <message>
        <source>Istio&apos;s default route (no VirtualService for this host)</source>
        <translation>Standardroute von Istio (kein VirtualService für diesen Host)</translation>
    </message>
    <message>
        <source>delay configured for %1% of requests, not drawn</source>
        <translation>Verzögerung für %1% der Anfragen konfiguriert, nicht ausgelost</translation>
    </message>
    <message>
        <source>abort configured for %1% of requests, not drawn</source>
        <translation>Abbruch für %1% der Anfragen konfiguriert, nicht ausgelost</translation>
    </message>
    <message>
        <source>no answer: %1</source>
        <translation>keine Antwort: %1</translation>
    </message>
    <message>
        <source>%1 → cluster %2</source>
        <translation>%1 → Cluster %2</translation>
    </message>
    <message>
        <source>delay injected (DI)</source>
        <translation>Verzögerung injiziert (DI)</translation>
    </message>
    <message>
        <source>aborted by the fault filter (FI)</source>
        <translation>vom Fault-Filter abgebrochen (FI)</translation>
    </message>
    <message>
        <source> from %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>%1 (no access-log entry was found for it)</source>
        <translation>%1 (kein Access-Log-Eintrag dafür gefunden)</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::AccessLogView</name>
    <message>
        <source>Filter: words every shown line contains, e.g. 503 reviews</source>
        <translation>Filter: Wörter, die jede angezeigte Zeile enthält, z. B. 503 reviews</translation>
    </message>
    <message>
        <source>Shows only the lines that contain every word typed here (case-insensitive): a status code, a response flag such as UH, a host, a cluster. Empty: every line.</source>
        <translation>Zeigt nur die Zeilen, die jedes hier eingegebene Wort enthalten (ohne Beachtung der Groß-/Kleinschreibung): einen Statuscode, ein Response-Flag wie UH, einen Host, einen Cluster. Leer: alle Zeilen.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Freezes the log to read it; new lines are kept and shown on resume (up to the last %1 lines).</source>
        <translation>Hält das Log zum Lesen an; neue Zeilen werden aufbewahrt und beim Fortsetzen angezeigt (bis zu den letzten %1 Zeilen).</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Forgets the lines received so far.</source>
        <translation>Verwirft die bisher empfangenen Zeilen.</translation>
    </message>
    <message>
        <source>The engine&apos;s access log, in Istio&apos;s format, appears here while the engine runs (Engine → Start).</source>
        <translation>Das Access-Log der Engine im Format von Istio erscheint hier, solange die Engine läuft (Engine → Engine starten).</translation>
    </message>
    <message>
        <source>[start time] &quot;METHOD path protocol&quot; status flags details termination &quot;transport failure&quot; bytes in, bytes out, duration ms, upstream time &quot;x-forwarded-for&quot; &quot;user agent&quot; &quot;request id&quot; &quot;authority&quot; &quot;upstream host&quot; cluster upstream local, downstream local, downstream remote, SNI, route</source>
        <translation>[Startzeit] &quot;METHODE Pfad Protokoll&quot; Status Flags Details Verbindungsende &quot;Transportfehler&quot; Bytes empfangen, Bytes gesendet, Dauer ms, Upstream-Zeit &quot;x-forwarded-for&quot; &quot;User-Agent&quot; &quot;Request-ID&quot; &quot;authority&quot; &quot;Upstream-Host&quot; Cluster Upstream lokal, Downstream lokal, Downstream remote, SNI, Route</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>Paused · %n new line(s)</source>
        <translation>
            <numerusform>Pausiert · %n neue Zeile</numerusform>
            <numerusform>Pausiert · %n neue Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshstudio::views::CanaryPanel</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Sets the first step&apos;s weight and starts watching the canary.</source>
        <translation>Setzt das Gewicht des ersten Schritts und beginnt, den Canary zu beobachten.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Holds the current weight; Resume starts the step&apos;s observation period again.</source>
        <translation>Hält das aktuelle Gewicht; Fortsetzen startet den Beobachtungszeitraum des Schritts neu.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Lets the step that waits for approval begin.</source>
        <translation>Lässt den Schritt beginnen, der auf Freigabe wartet.</translation>
    </message>
    <message>
        <source>Promote Now</source>
        <translation>Jetzt hochstufen</translation>
    </message>
    <message>
        <source>Gives the canary 100 % at once and ends the rollout.</source>
        <translation>Gibt dem Canary sofort 100 % und beendet den Rollout.</translation>
    </message>
    <message>
        <source>Roll Back Now</source>
        <translation>Jetzt zurückrollen</translation>
    </message>
    <message>
        <source>Gives the stable version 100 % at once and ends the rollout.</source>
        <translation>Gibt der stabilen Version sofort 100 % und beendet den Rollout.</translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation>Stoppen…</translation>
    </message>
    <message>
        <source>Ends the rollout; asks whether to roll back or leave the weights as they are.</source>
        <translation>Beendet den Rollout; fragt, ob zurückgerollt werden soll oder die Gewichte so bleiben sollen, wie sie sind.</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <source>Writes the report as Markdown with the timeline as a PNG beside it.</source>
        <translation>Schreibt den Bericht als Markdown, mit der Zeitleiste als PNG daneben.</translation>
    </message>
    <message>
        <source>Every step, gate value and decision of the rollout, as recorded in the project&apos;s history.</source>
        <translation>Jeder Schritt, jeder Gate-Wert und jede Entscheidung des Rollouts, wie im Verlauf des Projekts erfasst.</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>VirtualService:</source>
        <translation>VirtualService:</translation>
    </message>
    <message>
        <source>HTTP route:</source>
        <translation>HTTP-Route:</translation>
    </message>
    <message>
        <source>Stable subset:</source>
        <translation>Stabiles Subset:</translation>
    </message>
    <message>
        <source>Canary subset:</source>
        <translation>Canary-Subset:</translation>
    </message>
    <message>
        <source>Steps and gates</source>
        <translation>Schritte und Gates</translation>
    </message>
    <message>
        <source>The canary&apos;s weight at each step, rising and ending at 100.</source>
        <translation>Das Gewicht des Canary in jedem Schritt, aufsteigend und bei 100 endend.</translation>
    </message>
    <message>
        <source>Steps (%):</source>
        <translation>Schritte (%):</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long each step is watched before its gates are checked.</source>
        <translation>Wie lange jeder Schritt beobachtet wird, bevor seine Gates geprüft werden.</translation>
    </message>
    <message>
        <source>Observation period:</source>
        <translation>Beobachtungszeitraum:</translation>
    </message>
    <message>
        <source>Error rate at most</source>
        <translation>Fehlerrate höchstens</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>The canary&apos;s share of 5xx answers in a step; more rolls back.</source>
        <translation>Der Anteil der 5xx-Antworten des Canary in einem Schritt; bei mehr wird zurückgerollt.</translation>
    </message>
    <message>
        <source>p99 latency at most</source>
        <translation>p99-Latenz höchstens</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>The canary&apos;s 99th percentile latency in a step; more rolls back.</source>
        <translation>Die p99-Latenz (99. Perzentil) des Canary in einem Schritt; bei mehr wird zurückgerollt.</translation>
    </message>
    <message>
        <source>Fewer canary requests in a step, and the step waits another period instead of passing.</source>
        <translation>Bei weniger Canary-Anfragen in einem Schritt wartet der Schritt einen weiteren Zeitraum, statt als bestanden zu gelten.</translation>
    </message>
    <message>
        <source>Minimum requests:</source>
        <translation>Mindestanzahl Anfragen:</translation>
    </message>
    <message>
        <source>e.g. 50, 100</source>
        <translation>z. B. 50, 100</translation>
    </message>
    <message>
        <source>Steps (weights) that wait for Approve before they begin.</source>
        <translation>Schritte (Gewichte), die vor ihrem Beginn auf Freigeben warten.</translation>
    </message>
    <message>
        <source>Approval before:</source>
        <translation>Freigabe vor:</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Rehearsal on the embedded engine</source>
        <translation>Probelauf auf der eingebetteten Engine</translation>
    </message>
    <message>
        <source>Runs the project in its own engine on free local ports, with generated traffic.</source>
        <translation>Führt das Projekt in einer eigenen Engine auf freien lokalen Ports aus, mit generiertem Traffic.</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation>Traffic:</translation>
    </message>
    <message>
        <source>Where the generated traffic goes; its host picks the VirtualService&apos;s routes.</source>
        <translation>Wohin der generierte Traffic geht; sein Host bestimmt die Routen des VirtualService.</translation>
    </message>
    <message>
        <source>Traffic URL:</source>
        <translation>Traffic-URL:</translation>
    </message>
    <message>
        <source>Cluster (server-side apply per step)</source>
        <translation>Cluster (Server-side Apply pro Schritt)</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>The engine&apos;s counters</source>
        <translation>Zähler der Engine</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Prometheus URL:</source>
        <translation>Prometheus-URL:</translation>
    </message>
    <message>
        <source>PromQL queries</source>
        <translation>PromQL-Abfragen</translation>
    </message>
    <message>
        <source>Error rate:</source>
        <translation>Fehlerrate:</translation>
    </message>
    <message>
        <source>p99 (ms):</source>
        <translation>p99 (ms):</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <source>&lt;svc&gt;, &lt;version&gt; and &lt;window&gt; are filled in for each version and step.</source>
        <translation>&lt;svc&gt;, &lt;version&gt; und &lt;window&gt; werden für jede Version und jeden Schritt eingesetzt.</translation>
    </message>
    <message>
        <source>Reset to Istio&apos;s Queries</source>
        <translation>Auf die Abfragen von Istio zurücksetzen</translation>
    </message>
    <message>
        <source>no kubeconfig context</source>
        <translation>kein kubeconfig-Kontext</translation>
    </message>
    <message>
        <source>Pick a VirtualService and one of its HTTP routes.</source>
        <translation>Wählen Sie einen VirtualService und eine seiner HTTP-Routen.</translation>
    </message>
    <message>
        <source>Pick two different subsets: the stable one and the canary.</source>
        <translation>Wählen Sie zwei verschiedene Subsets: das stabile und das Canary-Subset.</translation>
    </message>
    <message>
        <source>Steps are weights separated by commas, like 5, 10, 25, 50, 75, 100.</source>
        <translation>Schritte sind durch Kommas getrennte Gewichte, etwa 5, 10, 25, 50, 75, 100.</translation>
    </message>
    <message>
        <source>Approval takes the steps&apos; weights separated by commas, like 50, 100.</source>
        <translation>Freigabe erwartet die Gewichte der Schritte, durch Kommas getrennt, etwa 50, 100.</translation>
    </message>
    <message>
        <source>Pick a kubeconfig context for a rollout on a cluster.</source>
        <translation>Wählen Sie einen kubeconfig-Kontext für einen Rollout auf einem Cluster.</translation>
    </message>
    <message>
        <source>Give the Prometheus URL the numbers come from.</source>
        <translation>Geben Sie die Prometheus-URL an, von der die Zahlen stammen.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>No rollout yet.</source>
        <translation>Noch kein Rollout.</translation>
    </message>
    <message>
        <source>%1 · canary %2 %</source>
        <translation>%1 · Canary %2 %</translation>
    </message>
    <message>
        <source>%1 s   %2 %   %3   %4</source>
        <translation>%1 s   %2 %   %3   %4</translation>
    </message>
    <message>
        <source>weight set</source>
        <translation>Gewicht gesetzt</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>gate failed</source>
        <translation>Gate nicht bestanden</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>hochgestuft</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::CanaryTimelineChart</name>
    <message>
        <source>Error rate (5xx)</source>
        <translation>Fehlerrate (5xx)</translation>
    </message>
    <message>
        <source>The share of 5xx answers per observation window for the canary and the stable version, the error-rate gate (dashed), and the canary&apos;s weight as steps (right axis). Markers show each decision; hover one for what was decided and why.</source>
        <translation>Der Anteil der 5xx-Antworten pro Beobachtungsfenster für den Canary und die stabile Version, das Fehlerraten-Gate (gestrichelt) und das Gewicht des Canary als Stufen (rechte Achse). Markierungen zeigen jede Entscheidung; fahren Sie mit der Maus über eine, um zu sehen, was entschieden wurde und warum.</translation>
    </message>
    <message>
        <source>5xx %</source>
        <translation>5xx %</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99-Latenz</translation>
    </message>
    <message>
        <source>The 99th percentile latency per observation window for the canary and the stable version, the p99 gate (dashed), and the canary&apos;s weight as steps (right axis).</source>
        <translation>Die Latenz im 99. Perzentil pro Beobachtungsfenster für den Canary und die stabile Version, das p99-Gate (gestrichelt) und das Gewicht des Canary als Stufen (rechte Achse).</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>seconds since the start</source>
        <translation>Sekunden seit dem Start</translation>
    </message>
    <message>
        <source>weight %</source>
        <translation>Gewicht %</translation>
    </message>
    <message>
        <source>canary weight</source>
        <translation>Canary-Gewicht</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>Canary</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>gate failed</source>
        <translation>Gate nicht bestanden</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>hochgestuft</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>%1 s: %2</source>
        <translation>%1 s: %2</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::ClusterDiffView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>The resources an apply would send, with what it would do to each.</source>
        <translation>Die Ressourcen, die ein Apply senden würde, und was es mit jeder einzelnen tun würde.</translation>
    </message>
    <message>
        <source>Local (the project, as it would be applied)</source>
        <translation>Lokal (das Projekt, wie es angewendet würde)</translation>
    </message>
    <message>
        <source>Live (the cluster, without server-set fields)</source>
        <translation>Live (der Cluster, ohne vom Server gesetzte Felder)</translation>
    </message>
    <message>
        <source>Green: only the project has the line (an apply adds it). Yellow: the line differs.</source>
        <translation>Grün: Nur das Projekt hat die Zeile (ein Apply fügt sie hinzu). Gelb: Die Zeile unterscheidet sich.</translation>
    </message>
    <message>
        <source>Red: only the cluster has the line (an apply removes it, or leaves it when another manager owns it: see the changes below). Yellow: the line differs.</source>
        <translation>Rot: Nur der Cluster hat die Zeile (ein Apply entfernt sie oder lässt sie stehen, wenn sie einem anderen Manager gehört: siehe die Änderungen unten). Gelb: Die Zeile unterscheidet sich.</translation>
    </message>
    <message>
        <source>Field by field: ~ changed (live → local), + added, - removed (owned by Mesh Studio), = kept (only live has it, owned by another manager: an apply leaves it).</source>
        <translation>Feld für Feld: ~ geändert (live → lokal), + hinzugefügt, - entfernt (gehört Mesh Studio), = beibehalten (nur live vorhanden, gehört einem anderen Manager: ein Apply lässt es stehen).</translation>
    </message>
    <message>
        <source>Changes, field by field</source>
        <translation>Änderungen, Feld für Feld</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n to create</source>
        <translation>
            <numerusform>%n zu erstellen</numerusform>
            <numerusform>%n zu erstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to change</source>
        <translation>
            <numerusform>%n zu ändern</numerusform>
            <numerusform>%n zu ändern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unverändert</numerusform>
            <numerusform>%n unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not compared</source>
        <translation>
            <numerusform>%n nicht verglichen</numerusform>
            <numerusform>%n nicht verglichen</numerusform>
        </translation>
    </message>
    <message>
        <source>The project has no Istio resources to apply.</source>
        <translation>Das Projekt enthält keine Istio-Ressourcen zum Anwenden.</translation>
    </message>
    <message>
        <source>No changes: an apply leaves it as it is.</source>
        <translation>Keine Änderungen: Ein Apply lässt sie, wie sie ist.</translation>
    </message>
    <message>
        <source>Live: not in the cluster (an apply creates it)</source>
        <translation>Live: nicht im Cluster (ein Apply erstellt sie)</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::ClusterPanel</name>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Import from Cluster</source>
        <translation>Aus Cluster importieren</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>Dry Run</source>
        <translation>Dry Run</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Anwenden…</translation>
    </message>
    <message>
        <source>Force</source>
        <translation>Erzwingen</translation>
    </message>
    <message>
        <source>Prune</source>
        <translation>Bereinigen</translation>
    </message>
    <message>
        <source>Apply with Force</source>
        <translation>Erzwungen anwenden</translation>
    </message>
    <message>
        <source>Roll Back to This…</source>
        <translation>Auf diesen Stand zurückrollen…</translation>
    </message>
    <message>
        <source>The kubeconfig context to talk to ($KUBECONFIG, else ~/.kube/config).</source>
        <translation>Der kubeconfig-Kontext, mit dem kommuniziert wird ($KUBECONFIG, sonst ~/.kube/config).</translation>
    </message>
    <message>
        <source>Where resources without a namespace go, and the namespace Import reads. Default: the project&apos;s defaultNamespace, else the context&apos;s.</source>
        <translation>Wohin Ressourcen ohne Namespace gehen und welchen Namespace der Import liest. Standard: der defaultNamespace des Projekts, sonst der des Kontexts.</translation>
    </message>
    <message>
        <source>Reads the kubeconfig again and reconnects.</source>
        <translation>Liest die kubeconfig erneut und verbindet neu.</translation>
    </message>
    <message>
        <source>⚠ insecure-skip-tls-verify: the server&apos;s certificate is not checked. Anyone between you and the cluster could read and change what is sent.</source>
        <translation>⚠ insecure-skip-tls-verify: Das Zertifikat des Servers wird nicht geprüft. Jeder zwischen Ihnen und dem Cluster könnte mitlesen und verändern, was gesendet wird.</translation>
    </message>
    <message>
        <source>Adds the namespace&apos;s Istio resources, Services and Deployments the project does not have yet, as one undo step.</source>
        <translation>Fügt die Istio-Ressourcen, Services und Deployments des Namespace hinzu, die das Projekt noch nicht enthält, als ein Schritt, den Sie rückgängig machen können.</translation>
    </message>
    <message>
        <source>Compares the project&apos;s Istio resources with the cluster&apos;s, field by field.</source>
        <translation>Vergleicht die Istio-Ressourcen des Projekts Feld für Feld mit denen des Clusters.</translation>
    </message>
    <message>
        <source>Sends every resource with dryRun=All: the server validates and answers, nothing changes.</source>
        <translation>Sendet jede Ressource mit dryRun=All: Der Server validiert und antwortet, nichts wird geändert.</translation>
    </message>
    <message>
        <source>Shows the diff first; after you confirm, a dry run of every resource, then server-side apply (field manager meshstudio).</source>
        <translation>Zeigt zuerst den Diff; nach Ihrer Bestätigung folgen ein Dry Run jeder Ressource und dann Server-side Apply (Field Manager meshstudio).</translation>
    </message>
    <message>
        <source>Take over fields another field manager owns instead of stopping at the conflict.</source>
        <translation>Felder übernehmen, die einem anderen Field Manager gehören, statt beim Konflikt abzubrechen.</translation>
    </message>
    <message>
        <source>Delete what earlier applies of this project created and the project no longer has (only while Mesh Studio still owns it).</source>
        <translation>Löschen, was frühere Apply-Vorgänge dieses Projekts erstellt haben und das Projekt nicht mehr enthält (nur solange es noch Mesh Studio gehört).</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Double-click a failed resource or field to show it in the editor.</source>
        <translation>Doppelklicken Sie auf eine fehlgeschlagene Ressource oder ein Feld, um es im Editor anzuzeigen.</translation>
    </message>
    <message>
        <source>Applies again, taking over the contested fields from their managers.</source>
        <translation>Wendet erneut an und übernimmt dabei die umstrittenen Felder von ihren Managern.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Applies again what the selected entry applied (with Prune, deletes what later applies added).</source>
        <translation>Wendet erneut an, was der ausgewählte Eintrag angewendet hat (mit Bereinigen wird gelöscht, was spätere Apply-Vorgänge hinzugefügt haben).</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 (%3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf %2 (%3)</translation>
    </message>
    <message>
        <source>No kubeconfig: set KUBECONFIG or create ~/.kube/config, then Reconnect.</source>
        <translation>Keine kubeconfig: Setzen Sie KUBECONFIG oder legen Sie ~/.kube/config an und klicken Sie dann auf Neu verbinden.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Not connected: %1.</source>
        <translation>Nicht verbunden: %1.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected to %1. &lt;b&gt;Istio&apos;s CRDs are not installed&lt;/b&gt; (no networking.istio.io API): install Istio before applying.</source>
        <translation>Verbunden mit %1. &lt;b&gt;Die CRDs von Istio sind nicht installiert&lt;/b&gt; (keine networking.istio.io-API): Installieren Sie Istio vor dem Anwenden.</translation>
    </message>
    <message>
        <source>Connected to %1. Istio networking.istio.io %2 (preferred %3).</source>
        <translation>Verbunden mit %1. Istio networking.istio.io %2 (bevorzugt %3).</translation>
    </message>
    <message>
        <source>Cannot connect.</source>
        <translation>Verbindung nicht möglich.</translation>
    </message>
    <message>
        <source>Cannot connect to %1.</source>
        <translation>Verbindung zu %1 nicht möglich.</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>%1 (owned by %2)</source>
        <translation>%1 (gehört %2)</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 (%3) through the proxy %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf %2 (%3) über den Proxy %4</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::DecisionTraceView</name>
    <message>
        <source>Listener</source>
        <translation>Listener</translation>
    </message>
    <message>
        <source>Virtual host</source>
        <translation>Virtual Host</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Fault Injection</translation>
    </message>
    <message>
        <source>CORS</source>
        <translation>CORS</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation>Rewrite</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Matched rule</source>
        <translation>Passende Regel</translation>
    </message>
    <message>
        <source>The first rule whose match conditions the request met: Istio tries a VirtualService&apos;s http rules in order and the first match wins. It is selected in the editor and the YAML view.</source>
        <translation>Die erste Regel, deren Match-Bedingungen die Anfrage erfüllt hat: Istio prüft die http-Regeln eines VirtualService der Reihe nach, und der erste Treffer gewinnt. Sie wird im Editor und in der YAML-Ansicht ausgewählt.</translation>
    </message>
    <message>
        <source>The destination the rule chose (after the weighted draw when it splits traffic) and the Envoy cluster it stands for: outbound|port|subset|host.</source>
        <translation>Das Ziel, das die Regel gewählt hat (nach der gewichteten Auslosung, wenn sie den Traffic aufteilt), und der Envoy-Cluster, für den es steht: outbound|port|subset|host.</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>The pod that answered (Send), or the cluster&apos;s pods the load balancer chooses from (Explain).</source>
        <translation>Der Pod, der geantwortet hat (Senden), oder die Pods des Clusters, unter denen der Load Balancer wählt (Erklären).</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>The status the client got and Envoy&apos;s response flags: - (none), NR (no route), UH (no healthy upstream), UF (connection failure), UT (timeout), URX (retries exhausted), DI (delay injected), FI (fault abort), UO (circuit breaker overflow), RL (rate limited).</source>
        <translation>Der Status, den der Client erhalten hat, und die Response-Flags von Envoy: - (keine), NR (keine Route), UH (kein gesunder Upstream), UF (Verbindungsfehler), UT (Timeout), URX (Retries ausgeschöpft), DI (Verzögerung injiziert), FI (Fault-Abbruch), UO (Circuit-Breaker-Überlauf), RL (Rate Limit erreicht).</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Retries</translation>
    </message>
    <message>
        <source>The retry policy of the rule (Istio&apos;s default: 2 attempts on connect-failure, refused-stream, unavailable, cancelled and retriable-status-codes) and, after a Send, the retries made.</source>
        <translation>Die Retry-Policy der Regel (Standard von Istio: 2 Versuche bei connect-failure, refused-stream, unavailable, cancelled und retriable-status-codes) und nach einem Senden die durchgeführten Retries.</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Fault Injection</translation>
    </message>
    <message>
        <source>Delays and aborts the rule injects, and whether this request drew them.</source>
        <translation>Verzögerungen und Abbrüche, die die Regel injiziert, und ob diese Anfrage sie ausgelost hat.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Fundstelle</translation>
    </message>
    <message>
        <source>What the router did, step by step: ✓ a rule that matched, ✗ one that did not and why. Double-click a step to show where it is configured.</source>
        <translation>Was der Router getan hat, Schritt für Schritt: ✓ eine Regel, die gepasst hat, ✗ eine, die nicht gepasst hat, und warum. Doppelklicken Sie auf einen Schritt, um zu zeigen, wo er konfiguriert ist.</translation>
    </message>
    <message>
        <source>No trace yet: Send or Explain a trial.</source>
        <translation>Noch kein Trace: Senden oder erklären Sie eine Testanfrage.</translation>
    </message>
    <message>
        <source>No trace: %1</source>
        <translation>Kein Trace: %1</translation>
    </message>
    <message>
        <source>Sent through the %1 listener; the destination and pod are what happened.</source>
        <translation>Über den Listener %1 gesendet; Ziel und Pod zeigen, was tatsächlich geschah.</translation>
    </message>
    <message>
        <source>Explained on the %1 listener: no request was sent.</source>
        <translation>Auf dem Listener %1 erklärt: Es wurde keine Anfrage gesendet.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>none: no rule matched</source>
        <translation>keine: Keine Regel hat gepasst</translation>
    </message>
    <message>
        <source> → cluster %1</source>
        <translation> → Cluster %1</translation>
    </message>
    <message>
        <source>one of %1 (chosen by the load balancer when sent)</source>
        <translation>einer von %1 (beim Senden vom Load Balancer gewählt)</translation>
    </message>
    <message>
        <source>flags %1</source>
        <translation>Flags %1</translation>
    </message>
    <message>
        <source>none made</source>
        <translation>keine durchgeführt</translation>
    </message>
    <message numerus="yes">
        <source>%n made</source>
        <translation>
            <numerusform>%n durchgeführt</numerusform>
            <numerusform>%n durchgeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The rule that matched: %1</source>
        <translation>Die Regel, die gepasst hat: %1</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::DestinationRuleEditor</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>The service this rule applies to. A short name (reviews) is the Service of that name in this rule&apos;s namespace; a name with a dot is taken as written: reviews.shop.svc.cluster.local or a ServiceEntry host. Required.</source>
        <translation>Der Service, für den diese Regel gilt. Ein Kurzname (reviews) ist der gleichnamige Service im Namespace dieser Regel; ein Name mit Punkt wird wörtlich genommen: reviews.shop.svc.cluster.local oder ein ServiceEntry-Host. Erforderlich.</translation>
    </message>
    <message>
        <source>required, e.g. reviews</source>
        <translation>erforderlich, z. B. reviews</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Export nach</translation>
    </message>
    <message>
        <source>Namespaces whose proxies see this rule, comma-separated: &apos;.&apos; for this namespace, &apos;*&apos; for all. Empty: every namespace (unless the mesh changes the default).</source>
        <translation>Namespaces, deren Proxys diese Regel sehen, durch Kommas getrennt: &apos;.&apos; für diesen Namespace, &apos;*&apos; für alle. Leer: alle Namespaces (sofern das Mesh den Standard nicht ändert).</translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation>alle Namespaces</translation>
    </message>
    <message>
        <source>Traffic policy</source>
        <translation>Traffic-Policy</translation>
    </message>
    <message>
        <source>Add a subset, named and labelled after a Deployment of the host no subset uses yet</source>
        <translation>Ein Subset hinzufügen, benannt und gelabelt nach einem Deployment des Hosts, das noch kein Subset verwendet</translation>
    </message>
    <message>
        <source>Remove the selected subset (routes that name it then fail)</source>
        <translation>Das ausgewählte Subset entfernen (Routen, die es nennen, schlagen dann fehl)</translation>
    </message>
    <message>
        <source>Subsets</source>
        <translation>Subsets</translation>
    </message>
    <message numerus="yes">
        <source>Service %1 selects %n pod(s).</source>
        <translation>
            <numerusform>Service %1 wählt %n Pod aus.</numerusform>
            <numerusform>Service %1 wählt %n Pods aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>No host yet: the rule applies to nothing.</source>
        <translation>Noch kein Host: Die Regel gilt für nichts.</translation>
    </message>
    <message>
        <source>%1 is not a Service of this project (a ServiceEntry or outside host), so the subsets&apos; pods cannot be counted.</source>
        <translation>%1 ist kein Service dieses Projekts (ein ServiceEntry oder externer Host), daher können die Pods der Subsets nicht gezählt werden.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n pod(s)</source>
        <translation>
            <numerusform>%1 — %n Pod</numerusform>
            <numerusform>%1 — %n Pods</numerusform>
        </translation>
    </message>
    <message>
        <source>No labels: every pod of the host</source>
        <translation>Keine Labels: alle Pods des Hosts</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::DiagnosticsModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Fundstelle</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::DiagnosticsPanel</name>
    <message>
        <source>Quick fixes:</source>
        <translation>Schnellkorrekturen:</translation>
    </message>
    <message>
        <source>Filter by code, message or resource</source>
        <translation>Nach Code, Meldung oder Ressource filtern</translation>
    </message>
    <message>
        <source>Shows only findings whose code, message or resource contains this text. Empty: all.</source>
        <translation>Zeigt nur Befunde, deren Code, Meldung oder Ressource diesen Text enthält. Leer: alle.</translation>
    </message>
    <message>
        <source>Show or hide findings of this severity. All are shown by default.</source>
        <translation>Befunde dieses Schweregrads ein- oder ausblenden. Standardmäßig werden alle angezeigt.</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>Fehler (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
    <message>
        <source>Info (%1)</source>
        <translation>Info (%1)</translation>
    </message>
    <message>
        <source>Applies this change to the project as one step you can undo.</source>
        <translation>Wendet diese Änderung auf das Projekt an, als ein Schritt, den Sie rückgängig machen können.</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::EditableItemList</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::FieldForm</name>
    <message>
        <source>Not a duration: write a number and a unit, such as 10s, 1.5s or 250ms.</source>
        <translation>Keine Dauer: Geben Sie eine Zahl und eine Einheit an, etwa 10s, 1.5s oder 250ms.</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>exact: the whole value; prefix: how it starts; regex: an RE2 regular expression that must match the whole value, as Envoy evaluates it.</source>
        <translation>exact: der ganze Wert; prefix: wie er beginnt; regex: ein regulärer RE2-Ausdruck, der auf den ganzen Wert passen muss, so wie Envoy ihn auswertet.</translation>
    </message>
    <message>
        <source>Not a duration.</source>
        <translation>Keine Dauer.</translation>
    </message>
    <message>
        <source>Not a valid RE2 expression: %1</source>
        <translation>Kein gültiger RE2-Ausdruck: %1</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Find in YAML</source>
        <translation>In YAML suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+Enter, Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Enter, F3)</translation>
    </message>
    <message>
        <source>Off: upper and lower case match each other.</source>
        <translation>Aus: Groß- und Kleinbuchstaben gelten als gleich.</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshstudio::views::GatewayEditor</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Gateway pods</source>
        <translation>Gateway-Pods</translation>
    </message>
    <message>
        <source>Labels of the gateway proxies that run these servers, such as istio=ingressgateway. Empty: every gateway proxy the Gateway is visible to.</source>
        <translation>Labels der Gateway-Proxys, die diese Server ausführen, etwa istio=ingressgateway. Leer: jeder Gateway-Proxy, für den das Gateway sichtbar ist.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>The port the gateway listens on for this server. Required.</source>
        <translation>Der Port, auf dem das Gateway für diesen Server lauscht. Erforderlich.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Port name</source>
        <translation>Portname</translation>
    </message>
    <message>
        <source>A name for the port, different for every server of the Gateway. Required.</source>
        <translation>Ein Name für den Port, für jeden Server des Gateways verschieden. Erforderlich.</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>What the port carries: HTTP, HTTPS (terminates TLS, needs the TLS settings), HTTP2, GRPC, TCP, TLS (routed by SNI, needs the TLS settings) or MONGO. Required.</source>
        <translation>Was der Port transportiert: HTTP, HTTPS (terminiert TLS, braucht die TLS-Einstellungen), HTTP2, GRPC, TCP, TLS (per SNI geroutet, braucht die TLS-Einstellungen) oder MONGO. Erforderlich.</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Hosts this server accepts, comma-separated, each [namespace/]name: &apos;*&apos; alone or as the first label is a wildcard, and a namespace limits whose VirtualServices may bind. Required: at least one.</source>
        <translation>Hosts, die dieser Server annimmt, durch Kommas getrennt, jeweils [namespace/]name: &apos;*&apos; allein oder als erstes Label ist ein Wildcard, und ein Namespace schränkt ein, wessen VirtualServices sich binden dürfen. Erforderlich: mindestens einer.</translation>
    </message>
    <message>
        <source>required, e.g. shop.example.com</source>
        <translation>erforderlich, z. B. shop.example.com</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>SIMPLE terminates TLS with the credential&apos;s certificate; MUTUAL also requires a client certificate, OPTIONAL_MUTUAL asks for one; ISTIO_MUTUAL uses the mesh&apos;s certificates; PASSTHROUGH forwards the encrypted stream by SNI; AUTO_PASSTHROUGH routes on SNI alone, without a VirtualService. Empty: PASSTHROUGH, so a TLS block without a mode terminates nothing and its certificate is ignored.</source>
        <translation>SIMPLE terminiert TLS mit dem Zertifikat des Credentials; MUTUAL verlangt zusätzlich ein Client-Zertifikat, OPTIONAL_MUTUAL fragt nach einem; ISTIO_MUTUAL verwendet die Zertifikate des Mesh; PASSTHROUGH leitet den verschlüsselten Datenstrom per SNI weiter; AUTO_PASSTHROUGH routet allein anhand von SNI, ohne VirtualService. Leer: PASSTHROUGH, ein TLS-Block ohne Modus terminiert also nichts, und sein Zertifikat wird ignoriert.</translation>
    </message>
    <message>
        <source>default (PASSTHROUGH)</source>
        <translation>Standard (PASSTHROUGH)</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credential</translation>
    </message>
    <message>
        <source>The Kubernetes Secret with the server certificate and key (tls.crt and tls.key), in the namespace of the gateway pods; the list offers the project&apos;s Secrets. Empty: no credential, so SIMPLE and MUTUAL need certificate files instead.</source>
        <translation>Das Kubernetes-Secret mit Server-Zertifikat und Schlüssel (tls.crt und tls.key), im Namespace der Gateway-Pods; die Liste bietet die Secrets des Projekts an. Leer: kein Credential, SIMPLE und MUTUAL brauchen dann stattdessen Zertifikatsdateien.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <source>Minimum TLS version</source>
        <translation>Minimale TLS-Version</translation>
    </message>
    <message>
        <source>The oldest TLS version a client may use. Empty: TLS 1.2, Envoy&apos;s default for servers.</source>
        <translation>Die älteste TLS-Version, die ein Client verwenden darf. Leer: TLS 1.2, der Standard von Envoy für Server.</translation>
    </message>
    <message>
        <source>default (TLS 1.2)</source>
        <translation>Standard (TLS 1.2)</translation>
    </message>
    <message>
        <source>Redirect to HTTPS</source>
        <translation>Auf HTTPS umleiten</translation>
    </message>
    <message>
        <source>Answer every plain-HTTP request on this server with a 301 to the same host and path over https://. Unchecked: requests are served over HTTP.</source>
        <translation>Jede unverschlüsselte HTTP-Anfrage an diesen Server mit einem 301 auf denselben Host und Pfad über https:// beantworten. Nicht angehakt: Anfragen werden über HTTP bedient.</translation>
    </message>
    <message>
        <source>Add an HTTP server on a free port, for every host</source>
        <translation>Einen HTTP-Server auf einem freien Port für alle Hosts hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected server</source>
        <translation>Den ausgewählten Server entfernen</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>(no protocol)</source>
        <translation>(kein Protokoll)</translation>
    </message>
    <message>
        <source>(no port)</source>
        <translation>(kein Port)</translation>
    </message>
    <message>
        <source>(no hosts)</source>
        <translation>(keine Hosts)</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::HttpMatchEditor</name>
    <message>
        <source>Add match block</source>
        <translation>Match-Block hinzufügen</translation>
    </message>
    <message>
        <source>Adds an alternative: the route is taken when any one block matches. The block is written with its first condition.</source>
        <translation>Fügt eine Alternative hinzu: Die Route greift, wenn irgendein Block passt. Der Block wird mit seiner ersten Bedingung geschrieben.</translation>
    </message>
    <message>
        <source>block name (optional)</source>
        <translation>Blockname (optional)</translation>
    </message>
    <message>
        <source>A name for this block, added to the route&apos;s name in Envoy&apos;s route name and access logs. Empty: no name.</source>
        <translation>Ein Name für diesen Block, der im Routennamen von Envoy und in Access-Logs an den Namen der Route angehängt wird. Leer: kein Name.</translation>
    </message>
    <message>
        <source>Ignore URI case</source>
        <translation>Groß-/Kleinschreibung der URI ignorieren</translation>
    </message>
    <message>
        <source>Compare exact and prefix URI conditions without regard to case; regexes and other conditions are not affected. Unchecked (the default): case-sensitive.</source>
        <translation>URI-Bedingungen mit exact und prefix ohne Beachtung der Groß-/Kleinschreibung vergleichen; Regexe und andere Bedingungen sind nicht betroffen. Nicht angehakt (Standard): Groß-/Kleinschreibung wird beachtet.</translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation>Block entfernen</translation>
    </message>
    <message>
        <source>Removes this block with all its conditions.</source>
        <translation>Entfernt diesen Block mit allen seinen Bedingungen.</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>Adds a condition to this block; all conditions of a block must hold.</source>
        <translation>Fügt diesem Block eine Bedingung hinzu; alle Bedingungen eines Blocks müssen erfüllt sein.</translation>
    </message>
    <message>
        <source>Also in this block, kept as written (edit them in the YAML): %1</source>
        <translation>Ebenfalls in diesem Block, unverändert beibehalten (bearbeiten Sie sie im YAML): %1</translation>
    </message>
    <message>
        <source>Match block %1</source>
        <translation>Match-Block %1</translation>
    </message>
    <message>
        <source>or match block %1</source>
        <translation>oder Match-Block %1</translation>
    </message>
    <message>
        <source> (not written until a condition is complete)</source>
        <translation> (wird erst geschrieben, wenn eine Bedingung vollständig ist)</translation>
    </message>
    <message>
        <source> — matches every request</source>
        <translation> — passt auf jede Anfrage</translation>
    </message>
    <message>
        <source>This block already has this condition; change it there.</source>
        <translation>Dieser Block hat diese Bedingung bereits; ändern Sie sie dort.</translation>
    </message>
    <message>
        <source>No match blocks: this route takes every request that reaches it, and the routes after it can never match. Add a block to limit it.</source>
        <translation>Keine Match-Blöcke: Diese Route nimmt jede Anfrage an, die sie erreicht, und die Routen danach können nie greifen. Fügen Sie einen Block hinzu, um sie einzuschränken.</translation>
    </message>
    <message>
        <source>The route is taken when any one block matches; within a block every condition must hold.</source>
        <translation>Die Route greift, wenn irgendein Block passt; innerhalb eines Blocks muss jede Bedingung erfüllt sein.</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::HttpRouteList</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>The proxy tries the routes from the top and takes the first that matches. Drag a route to change the order.</source>
        <translation>Der Proxy prüft die Routen von oben nach unten und nimmt die erste, die passt. Ziehen Sie eine Route, um die Reihenfolge zu ändern.</translation>
    </message>
    <message>
        <source>Adds a route at the end, to the first host. Without a match it takes every request the routes above it leave.</source>
        <translation>Fügt am Ende eine Route zum ersten Host hinzu. Ohne Match nimmt sie jede Anfrage an, die die Routen darüber übrig lassen.</translation>
    </message>
    <message>
        <source>Removes the selected route.</source>
        <translation>Entfernt die ausgewählte Route.</translation>
    </message>
    <message>
        <source>Moves the selected route up: it is tried earlier.</source>
        <translation>Verschiebt die ausgewählte Route nach oben: Sie wird früher geprüft.</translation>
    </message>
    <message>
        <source>Moves the selected route down: it is tried later.</source>
        <translation>Verschiebt die ausgewählte Route nach unten: Sie wird später geprüft.</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::LoadCharts</name>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>Requests finished per second, sampled 4 times a second.</source>
        <translation>Abgeschlossene Anfragen pro Sekunde, 4-mal pro Sekunde gemessen.</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>Latenz-Perzentile</translation>
    </message>
    <message>
        <source>p50, p90 and p99 latency (ms) of the requests finished in each quarter second.</source>
        <translation>Latenz p50, p90 und p99 (ms) der in jeder Viertelsekunde abgeschlossenen Anfragen.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Response codes</source>
        <translation>Antwortcodes</translation>
    </message>
    <message>
        <source>Answers per quarter second by HTTP status, stacked; &quot;failed&quot; counts requests that got no answer (connect error, timeout, closed).</source>
        <translation>Antworten pro Viertelsekunde nach HTTP-Status, gestapelt; &quot;fehlgeschlagen&quot; zählt Anfragen, die keine Antwort erhalten haben (Verbindungsfehler, Timeout, geschlossen).</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>Latenz-Histogramm</translation>
    </message>
    <message>
        <source>Requests by latency over the whole run (upper bound of each bucket, ms).</source>
        <translation>Anfragen nach Latenz über den gesamten Lauf (Obergrenze jedes Buckets, ms).</translation>
    </message>
    <message>
        <source>Split per subset</source>
        <translation>Aufteilung pro Subset</translation>
    </message>
    <message>
        <source>The share of requests per destination subset: configured by the VirtualService&apos;s weights next to what the engine observed during the run (percent).</source>
        <translation>Der Anteil der Anfragen pro Ziel-Subset: konfiguriert durch die Gewichte des VirtualService, neben dem, was die Engine während des Laufs beobachtet hat (Prozent).</translation>
    </message>
    <message>
        <source>configured %</source>
        <translation>konfiguriert %</translation>
    </message>
    <message>
        <source>observed %</source>
        <translation>beobachtet %</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::LoadRunComparison</name>
    <message>
        <source>Two saved load runs side by side; the last column is the change from the first to the second.</source>
        <translation>Zwei gespeicherte Lasttest-Läufe nebeneinander; die letzte Spalte zeigt die Änderung vom ersten zum zweiten.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Latency %1</source>
        <translation>Latenz %1</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>Code %1</translation>
    </message>
    <message>
        <source>Split %1</source>
        <translation>Aufteilung %1</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::LoadTestPanel</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Where the requests go, as the mesh names it (http://reviews:9080/). The request is sent to the engine&apos;s listener for that host with this Host header.</source>
        <translation>Wohin die Anfragen gehen, so wie das Mesh es benennt (http://reviews:9080/). Die Anfrage wird mit diesem Host-Header an den Listener der Engine für diesen Host gesendet.</translation>
    </message>
    <message>
        <source>The HTTP method of every request (-X). Default: GET.</source>
        <translation>Die HTTP-Methode jeder Anfrage (-X). Standard: GET.</translation>
    </message>
    <message>
        <source>Kept-alive connections, each with one request in flight (-c). Default: 4.</source>
        <translation>Keep-alive-Verbindungen mit jeweils einer laufenden Anfrage (-c). Standard: 4.</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>The total request rate over all connections (-qps). 0 (max): as fast as possible.</source>
        <translation>Die gesamte Anfragerate über alle Verbindungen (-qps). 0 (max): so schnell wie möglich.</translation>
    </message>
    <message>
        <source>by duration</source>
        <translation>nach Dauer</translation>
    </message>
    <message>
        <source>Send exactly this many requests (-n); wins over the duration. 0: run for the duration.</source>
        <translation>Genau so viele Anfragen senden (-n); hat Vorrang vor der Dauer. 0: für die Dauer laufen.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long to run when no count is set (-t). Default: 5 s.</source>
        <translation>Wie lange der Lauf dauert, wenn keine Anzahl gesetzt ist (-t). Standard: 5 s.</translation>
    </message>
    <message>
        <source>end-user: jason</source>
        <translation>end-user: jason</translation>
    </message>
    <message>
        <source>Extra request headers, one `Name: value` per line (-H). Default: none.</source>
        <translation>Zusätzliche Anfrage-Header, ein `Name: value` pro Zeile (-H). Standard: keine.</translation>
    </message>
    <message>
        <source>The request body sent with every request (-payload). Default: empty.</source>
        <translation>Der Body, der mit jeder Anfrage gesendet wird (-payload). Standard: leer.</translation>
    </message>
    <message>
        <source>Start the load test through the running engine.</source>
        <translation>Den Lasttest über die laufende Engine starten.</translation>
    </message>
    <message>
        <source>End the run now; the results so far stay shown.</source>
        <translation>Den Lauf jetzt beenden; die bisherigen Ergebnisse bleiben angezeigt.</translation>
    </message>
    <message>
        <source>How much of the run is done (count or duration).</source>
        <translation>Wie viel des Laufs erledigt ist (Anzahl oder Dauer).</translation>
    </message>
    <message>
        <source>Time left in the run, estimated from the rate so far for a run by count.</source>
        <translation>Verbleibende Zeit des Laufs, bei einem Lauf nach Anzahl aus der bisherigen Rate geschätzt.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>QPS</source>
        <translation>QPS</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>Save the run&apos;s report as JSON (the same report meshstudio-cli load --json writes).</source>
        <translation>Den Bericht des Laufs als JSON speichern (derselbe Bericht, den meshstudio-cli load --json schreibt).</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save the run&apos;s time series (rate, latency percentiles, codes per sample) as CSV.</source>
        <translation>Die Zeitreihe des Laufs (Rate, Latenz-Perzentile, Codes pro Messwert) als CSV speichern.</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the charts as a PNG picture.</source>
        <translation>Die Diagramme als PNG-Bild speichern.</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Open two saved JSON reports side by side.</source>
        <translation>Zwei gespeicherte JSON-Berichte nebeneinander öffnen.</translation>
    </message>
    <message>
        <source>Engine counters during the run</source>
        <translation>Engine-Zähler während des Laufs</translation>
    </message>
    <message>
        <source>Overflow</source>
        <translation>Überlauf</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Retries</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Timeouts</translation>
    </message>
    <message>
        <source>Ejections</source>
        <translation>Ausschlüsse</translation>
    </message>
    <message>
        <source>Rate-limited</source>
        <translation>Rate Limit erreicht</translation>
    </message>
    <message>
        <source>Requests or connections refused by a circuit breaker (upstream_rq_pending_overflow, upstream_cx_overflow).</source>
        <translation>Von einem Circuit Breaker abgewiesene Anfragen oder Verbindungen (upstream_rq_pending_overflow, upstream_cx_overflow).</translation>
    </message>
    <message>
        <source>Retries the engine made (upstream_rq_retry).</source>
        <translation>Retries, die die Engine ausgeführt hat (upstream_rq_retry).</translation>
    </message>
    <message>
        <source>Requests that ran out of time (upstream_rq_timeout, upstream_rq_per_try_timeout).</source>
        <translation>Anfragen, deren Zeit abgelaufen ist (upstream_rq_timeout, upstream_rq_per_try_timeout).</translation>
    </message>
    <message>
        <source>Pods ejected by outlier detection (outlier_detection.ejections_enforced_total).</source>
        <translation>Durch Outlier Detection ausgeschlossene Pods (outlier_detection.ejections_enforced_total).</translation>
    </message>
    <message>
        <source>Requests refused by a local rate limit (…rate_limited).</source>
        <translation>Von einem lokalen Rate Limit abgewiesene Anfragen (…rate_limited).</translation>
    </message>
    <message>
        <source>%1 / %2 requests, %3 errors</source>
        <translation>%1 / %2 Anfragen, %3 Fehler</translation>
    </message>
    <message>
        <source>%1 requests, %2 errors</source>
        <translation>%1 Anfragen, %2 Fehler</translation>
    </message>
    <message>
        <source> — stopped</source>
        <translation> — gestoppt</translation>
    </message>
    <message>
        <source> — done</source>
        <translation> — fertig</translation>
    </message>
    <message>
        <source>%1 s remaining</source>
        <translation>%1 s verbleibend</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::LocalRateLimitEditor</name>
    <message>
        <source>default (0 %: off)</source>
        <translation>Standard (0 %: aus)</translation>
    </message>
    <message>
        <source>The share of requests the filter looks at (filter_enabled); the others pass uncounted. Empty: 0 %, so the filter does nothing.</source>
        <translation>Der Anteil der Anfragen, die der Filter betrachtet (filter_enabled); die übrigen passieren ungezählt. Leer: 0 %, der Filter tut also nichts.</translation>
    </message>
    <message>
        <source>The share of the requests looked at that are refused with 429 when the bucket is empty (filter_enforced); the others are only counted. Empty: 0 %, so nothing is refused.</source>
        <translation>Der Anteil der betrachteten Anfragen, die bei leerem Bucket mit 429 abgewiesen werden (filter_enforced); die übrigen werden nur gezählt. Leer: 0 %, es wird also nichts abgewiesen.</translation>
    </message>
    <message>
        <source>Only EnvoyFilters that insert Envoy&apos;s local rate limit (envoy.filters.http.local_ratelimit) have a form. Edit this one in the YAML view: every field is kept as written.</source>
        <translation>Nur EnvoyFilter, die das lokale Rate Limit von Envoy einfügen (envoy.filters.http.local_ratelimit), haben ein Formular. Bearbeiten Sie diesen in der YAML-Ansicht: Jedes Feld bleibt wie geschrieben erhalten.</translation>
    </message>
    <message>
        <source>This EnvoyFilter has several rate limits: the one the form edits.</source>
        <translation>Dieser EnvoyFilter hat mehrere Rate Limits: Wählen Sie das, welches das Formular bearbeitet.</translation>
    </message>
    <message>
        <source>Bucket size</source>
        <translation>Bucket-Größe</translation>
    </message>
    <message>
        <source>How many requests may pass in a burst (max_tokens); the bucket starts full and each request takes one token. Required: without it the engine does not run the limit.</source>
        <translation>Wie viele Anfragen in einem Burst passieren dürfen (max_tokens); der Bucket startet voll, und jede Anfrage verbraucht ein Token. Erforderlich: Ohne diesen Wert führt die Engine das Limit nicht aus.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Tokens per fill</source>
        <translation>Tokens pro Auffüllung</translation>
    </message>
    <message>
        <source>Tokens put back at every fill, never beyond the bucket size. Empty: 1.</source>
        <translation>Tokens, die bei jeder Auffüllung zurückgelegt werden, nie über die Bucket-Größe hinaus. Leer: 1.</translation>
    </message>
    <message>
        <source>default (1)</source>
        <translation>Standard (1)</translation>
    </message>
    <message>
        <source>Fill interval</source>
        <translation>Auffüllintervall</translation>
    </message>
    <message>
        <source>How often tokens are put back, such as 60s or 500ms (Envoy asks for at least 50ms). Required.</source>
        <translation>Wie oft Tokens zurückgelegt werden, etwa 60s oder 500ms (Envoy verlangt mindestens 50ms). Erforderlich.</translation>
    </message>
    <message>
        <source>required, e.g. 60s</source>
        <translation>erforderlich, z. B. 60s</translation>
    </message>
    <message>
        <source>Stat prefix</source>
        <translation>Stat-Präfix</translation>
    </message>
    <message>
        <source>The prefix of the filter&apos;s counters: &lt;prefix&gt;.http_local_rate_limit.ok, .rate_limited and so on. Envoy requires it; when empty the engine uses http_local_rate_limiter.</source>
        <translation>Das Präfix der Zähler des Filters: &lt;prefix&gt;.http_local_rate_limit.ok, .rate_limited und so weiter. Envoy verlangt es; wenn es leer ist, verwendet die Engine http_local_rate_limiter.</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>Workloads</translation>
    </message>
    <message>
        <source>Labels of the pods whose proxies get the filter. Empty: every workload of the EnvoyFilter&apos;s namespace (of the mesh when it lives in istio-system).</source>
        <translation>Labels der Pods, deren Proxys den Filter erhalten. Leer: jeder Workload im Namespace des EnvoyFilters (im ganzen Mesh, wenn er in istio-system liegt).</translation>
    </message>
    <message>
        <source>Token bucket</source>
        <translation>Token Bucket</translation>
    </message>
    <message>
        <source>Enabled for</source>
        <translation>Aktiviert für</translation>
    </message>
    <message>
        <source>Enforced for</source>
        <translation>Durchgesetzt für</translation>
    </message>
    <message>
        <source>configPatches[%1]: %2 in %3</source>
        <translation>configPatches[%1]: %2 in %3</translation>
    </message>
    <message>
        <source>(no applyTo)</source>
        <translation>(kein applyTo)</translation>
    </message>
    <message>
        <source>Configured per route (HTTP_ROUTE, %1); the engine runs it for the whole listener.</source>
        <translation>Pro Route konfiguriert (HTTP_ROUTE, %1); die Engine führt es für den ganzen Listener aus.</translation>
    </message>
    <message>
        <source>Inserted as an HTTP filter in %1.</source>
        <translation>Als HTTP-Filter in %1 eingefügt.</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::MatchConditionRow</name>
    <message>
        <source>uri</source>
        <translation>uri</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>query parameter</source>
        <translation>Query-Parameter</translation>
    </message>
    <message>
        <source>method</source>
        <translation>method</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>authority</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>scheme</translation>
    </message>
    <message>
        <source>What the request must have: its path (uri), a header, a query parameter, its method, its authority (the Host header, port included) or its scheme.</source>
        <translation>Was die Anfrage aufweisen muss: ihren Pfad (uri), einen Header, einen Query-Parameter, ihre Methode (method), ihre Authority (den Host-Header samt Port) oder ihr Schema (scheme).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The header or query parameter name. Header names are compared without regard to case; write them in lower case.</source>
        <translation>Der Name des Headers oder Query-Parameters. Header-Namen werden ohne Beachtung der Groß-/Kleinschreibung verglichen; schreiben Sie sie klein.</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>prefix</translation>
    </message>
    <message>
        <source>regex</source>
        <translation>regex</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>exact: the whole value; prefix: how it starts; regex: an RE2 expression that must match the whole value; present: the header or parameter is there, with any value. Comparisons are case-sensitive.</source>
        <translation>exact: der ganze Wert; prefix: wie er beginnt; regex: ein RE2-Ausdruck, der auf den ganzen Wert passen muss; vorhanden: Der Header oder Parameter ist da, mit beliebigem Wert. Vergleiche beachten die Groß-/Kleinschreibung.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removes this condition from the block.</source>
        <translation>Entfernt diese Bedingung aus dem Block.</translation>
    </message>
    <message>
        <source>The value to compare with. Regexes are checked with RE2 as you type.</source>
        <translation>Der Vergleichswert. Regexe werden während der Eingabe mit RE2 geprüft.</translation>
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
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::ResourceTreePanel</name>
    <message>
        <source>Filter by kind, namespace or name</source>
        <translation>Nach Typ, Namespace oder Name filtern</translation>
    </message>
    <message>
        <source>Shows the resources whose kind, namespace and name contain every word typed here (ignoring case), e.g. &quot;vir reviews&quot;. Empty shows everything.</source>
        <translation>Zeigt die Ressourcen, deren Typ, Namespace und Name jedes hier eingegebene Wort enthalten (ohne Beachtung der Groß-/Kleinschreibung), z. B. &quot;vir reviews&quot;. Leer zeigt alles.</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::RouteDestinationsEditor</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Subset</source>
        <translation>Subset</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Add destination</source>
        <translation>Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Adds a destination with weight 0, so the split does not change until you move its slider. Destinations without a weight get theirs written, as Istio reads them.</source>
        <translation>Fügt ein Ziel mit Gewicht 0 hinzu, sodass sich die Aufteilung nicht ändert, bis Sie seinen Schieberegler bewegen. Ziele ohne Gewicht bekommen ihr Gewicht ausgeschrieben, so wie Istio sie liest.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>The service traffic goes to: a short name resolves in this VirtualService&apos;s namespace (reviews), or a fully qualified name (reviews.shop.svc.cluster.local), or a ServiceEntry host.</source>
        <translation>Der Service, an den der Traffic geht: ein Kurzname, der im Namespace dieses VirtualService aufgelöst wird (reviews), ein voll qualifizierter Name (reviews.shop.svc.cluster.local) oder ein ServiceEntry-Host.</translation>
    </message>
    <message>
        <source>A subset of the host defined by a DestinationRule (pods selected by labels). None: every endpoint of the host. A subset no DestinationRule defines makes requests fail with 503.</source>
        <translation>Ein Subset des Hosts, definiert durch eine DestinationRule (per Labels ausgewählte Pods). Keines: alle Endpunkte des Hosts. Ein Subset, das keine DestinationRule definiert, lässt Anfragen mit 503 fehlschlagen.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>The service port to send to; needed only when the host has several ports. Empty (any): the host&apos;s only port.</source>
        <translation>Der Service-Port, an den gesendet wird; nur nötig, wenn der Host mehrere Ports hat. Leer (beliebig): der einzige Port des Hosts.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removes this destination; the others keep their weights.</source>
        <translation>Entfernt dieses Ziel; die anderen behalten ihre Gewichte.</translation>
    </message>
    <message>
        <source>This route redirects; it sends traffic to no destination.</source>
        <translation>Diese Route leitet um (Redirect); sie sendet keinen Traffic an ein Ziel.</translation>
    </message>
    <message>
        <source>This route answers by itself; it sends traffic to no destination.</source>
        <translation>Diese Route antwortet selbst; sie sendet keinen Traffic an ein Ziel.</translation>
    </message>
    <message>
        <source>This route delegates to another VirtualService.</source>
        <translation>Diese Route delegiert an einen anderen VirtualService.</translation>
    </message>
    <message>
        <source>This route has no destination yet. Add one.</source>
        <translation>Diese Route hat noch kein Ziel. Fügen Sie eines hinzu.</translation>
    </message>
    <message>
        <source>(no subset)</source>
        <translation>(kein Subset)</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::StringMatchListEditor</name>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::SubsetEditor</name>
    <message>
        <source>Override the traffic policy for this subset</source>
        <translation>Traffic-Policy für dieses Subset überschreiben</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The name VirtualService destinations use as `subset`: lower-case letters, digits and &apos;-&apos;. Renaming does not change routes that use the old name. Required: Istio rejects a subset without a name.</source>
        <translation>Der Name, den VirtualService-Ziele als `subset` verwenden: Kleinbuchstaben, Ziffern und &apos;-&apos;. Umbenennen ändert keine Routen, die den alten Namen verwenden. Erforderlich: Istio lehnt ein Subset ohne Namen ab.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Labels a pod needs, besides those of the host&apos;s Service selector, to belong to this subset. Empty: every pod of the host.</source>
        <translation>Labels, die ein Pod zusätzlich zu denen des Service-Selektors des Hosts braucht, um zu diesem Subset zu gehören. Leer: alle Pods des Hosts.</translation>
    </message>
    <message>
        <source>Suggested labels</source>
        <translation>Vorgeschlagene Labels</translation>
    </message>
    <message>
        <source>Labels of the Deployments and Pods behind the host, without those the Service selector already requires. Choosing one replaces the subset&apos;s labels.</source>
        <translation>Labels der Deployments und Pods hinter dem Host, ohne die, die der Service-Selektor bereits verlangt. Eine Auswahl ersetzt die Labels des Subsets.</translation>
    </message>
    <message>
        <source>Give requests routed to this subset their own load balancer, connection pool, outlier detection or TLS. Each block set here replaces the host&apos;s block as a whole. Unchecking removes the subset&apos;s policy. Unchecked: the host&apos;s traffic policy applies.</source>
        <translation>Anfragen an dieses Subset erhalten einen eigenen Load Balancer, Verbindungspool, eine eigene Outlier Detection oder eigenes TLS. Jeder hier gesetzte Block ersetzt den Block des Hosts als Ganzes. Das Entfernen des Hakens entfernt die Policy des Subsets. Nicht angehakt: Es gilt die Traffic-Policy des Hosts.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 (%n pod(s))</source>
        <translation>
            <numerusform>%1 — %2 (%n Pod)</numerusform>
            <numerusform>%1 — %2 (%n Pods)</numerusform>
        </translation>
    </message>
    <message>
        <source>The host is not a Service of this project, so its pods cannot be counted.</source>
        <translation>Der Host ist kein Service dieses Projekts, daher können seine Pods nicht gezählt werden.</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>Selects no pods: no Deployment or Pod of Service %1 carries these labels, so requests routed to this subset fail with 503.</source>
        <translation>Wählt keine Pods aus: Kein Deployment und kein Pod von Service %1 trägt diese Labels, daher schlagen Anfragen an dieses Subset mit 503 fehl.</translation>
    </message>
    <message numerus="yes">
        <source>Selects %n pod(s): %1</source>
        <translation>
            <numerusform>Wählt %n Pod aus: %1</numerusform>
            <numerusform>Wählt %n Pods aus: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Pods of Service %1 whose labels include the subset&apos;s: Deployment replicas (1 when not set) and Pods.</source>
        <translation>Pods von Service %1, deren Labels die des Subsets enthalten: Deployment-Replicas (1, wenn nicht gesetzt) und Pods.</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::TopologyView</name>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>VirtualService</source>
        <translation>VirtualService</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Gateways, VirtualServices, destinations and workloads, with each route&apos;s weights. Ctrl+wheel zooms.</source>
        <translation>Gateways, VirtualServices, Ziele und Workloads mit den Gewichten jeder Route. Strg+Mausrad zoomt.</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <source>VirtualServices</source>
        <translation>VirtualServices</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>Workloads</translation>
    </message>
    <message>
        <source>Live request rate and share of 5xx answers on this edge, from the engine&apos;s statistics.</source>
        <translation>Aktuelle Anfragerate und Anteil der 5xx-Antworten auf dieser Kante, aus der Statistik der Engine.</translation>
    </message>
    <message>
        <source>%1 req/s · %2 % 5xx</source>
        <translation>%1 Anfr./s · %2 % 5xx</translation>
    </message>
    <message>
        <source>Ejected by outlier detection: %1</source>
        <translation>Durch Outlier Detection ausgeschlossen: %1</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::TrafficPolicyEditor</name>
    <message>
        <source>Setting it replaces any other hash key and the simple policy.</source>
        <translation>Das Setzen ersetzt jeden anderen Hash-Schlüssel und die einfache Policy.</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>How requests are spread over the destination&apos;s pods when no consistent hash is set. Choosing one removes the consistent hash. Empty: LEAST_REQUEST (Istio&apos;s default since 1.14): of two random pods, the one with fewer requests in flight.</source>
        <translation>Wie Anfragen auf die Pods des Ziels verteilt werden, wenn kein Consistent Hash gesetzt ist. Die Wahl eines Algorithmus entfernt den Consistent Hash. Leer: LEAST_REQUEST (Istios Standard seit 1.14): von zwei zufälligen Pods derjenige mit weniger laufenden Anfragen.</translation>
    </message>
    <message>
        <source>default (LEAST_REQUEST)</source>
        <translation>Standard (LEAST_REQUEST)</translation>
    </message>
    <message>
        <source>Hash on header</source>
        <translation>Hash über Header</translation>
    </message>
    <message>
        <source>Requests with the same value of this header go to the same pod (sticky sessions). %1 Empty: no header hash.</source>
        <translation>Anfragen mit demselben Wert dieses Headers gehen an denselben Pod (Sticky Sessions). %1 Leer: kein Header-Hash.</translation>
    </message>
    <message>
        <source>header name</source>
        <translation>Header-Name</translation>
    </message>
    <message>
        <source>Hash on cookie</source>
        <translation>Hash über Cookie</translation>
    </message>
    <message>
        <source>Requests with the same value of this cookie go to the same pod. With a TTL, Envoy creates the cookie for requests that lack it. %1 Empty: no cookie hash.</source>
        <translation>Anfragen mit demselben Wert dieses Cookies gehen an denselben Pod. Mit einer TTL erzeugt Envoy das Cookie für Anfragen, denen es fehlt. %1 Leer: kein Cookie-Hash.</translation>
    </message>
    <message>
        <source>cookie name</source>
        <translation>Cookie-Name</translation>
    </message>
    <message>
        <source>Cookie path</source>
        <translation>Cookie-Pfad</translation>
    </message>
    <message>
        <source>The Path attribute of a cookie Envoy creates. Empty: the cookie has no Path attribute.</source>
        <translation>Das Path-Attribut eines Cookies, das Envoy erzeugt. Leer: Das Cookie hat kein Path-Attribut.</translation>
    </message>
    <message>
        <source>Cookie TTL</source>
        <translation>Cookie-TTL</translation>
    </message>
    <message>
        <source>Lifetime of a cookie Envoy creates; 0s makes it a session cookie. Empty: Envoy never creates the cookie, and a request without it goes to any pod.</source>
        <translation>Lebensdauer eines Cookies, das Envoy erzeugt; 0s macht es zu einem Session-Cookie. Leer: Envoy erzeugt das Cookie nie, und eine Anfrage ohne Cookie geht an einen beliebigen Pod.</translation>
    </message>
    <message>
        <source>Hash on source IP</source>
        <translation>Hash über Quell-IP</translation>
    </message>
    <message>
        <source>Requests from the same client address go to the same pod. %1 Unchecked: no address hash.</source>
        <translation>Anfragen von derselben Client-Adresse gehen an denselben Pod. %1 Nicht angehakt: kein Adress-Hash.</translation>
    </message>
    <message>
        <source>Hash on query parameter</source>
        <translation>Hash über Query-Parameter</translation>
    </message>
    <message>
        <source>Requests with the same value of this query parameter go to the same pod. %1 Empty: no query parameter hash.</source>
        <translation>Anfragen mit demselben Wert dieses Query-Parameters gehen an denselben Pod. %1 Leer: kein Query-Parameter-Hash.</translation>
    </message>
    <message>
        <source>parameter name</source>
        <translation>Parametername</translation>
    </message>
    <message>
        <source>Ring hash size</source>
        <translation>Ring-Hash-Größe</translation>
    </message>
    <message>
        <source>Use a hash ring with at least this many entries; more entries spread the load more evenly but cost memory. Setting it removes Maglev. Empty: a ring hash of 1024 entries, the default algorithm.</source>
        <translation>Einen Hash-Ring mit mindestens so vielen Einträgen verwenden; mehr Einträge verteilen die Last gleichmäßiger, kosten aber Speicher. Das Setzen entfernt Maglev. Leer: ein Ring-Hash mit 1024 Einträgen, der Standardalgorithmus.</translation>
    </message>
    <message>
        <source>default (1024)</source>
        <translation>Standard (1024)</translation>
    </message>
    <message>
        <source>Maglev table size</source>
        <translation>Maglev-Tabellengröße</translation>
    </message>
    <message>
        <source>Use Maglev instead of a ring, with a lookup table of this size: a prime number below 5000011. Setting it removes the ring hash. Empty: no Maglev (its own default table is 65537).</source>
        <translation>Maglev statt eines Rings verwenden, mit einer Lookup-Tabelle dieser Größe: eine Primzahl unter 5000011. Das Setzen entfernt den Ring-Hash. Leer: kein Maglev (seine eigene Standardtabelle hat 65537 Einträge).</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>nicht verwendet</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Warm-up</translation>
    </message>
    <message>
        <source>A new pod&apos;s share of the traffic grows over this time instead of starting in full (ROUND_ROBIN and LEAST_REQUEST only). Empty: no warm-up.</source>
        <translation>Der Traffic-Anteil eines neuen Pods wächst über diese Zeit, statt sofort voll zu beginnen (nur ROUND_ROBIN und LEAST_REQUEST). Leer: kein Warm-up.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Max connections</source>
        <translation>Max. Verbindungen</translation>
    </message>
    <message>
        <source>Most TCP connections to all the destination&apos;s pods together; requests beyond them wait as pending. 0 or empty: 4294967295, in effect unlimited.</source>
        <translation>Höchstzahl an TCP-Verbindungen zu allen Pods des Ziels zusammen; Anfragen darüber hinaus warten als pending. 0 oder leer: 4294967295, praktisch unbegrenzt.</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Connect-Timeout</translation>
    </message>
    <message>
        <source>How long opening a TCP connection may take before it fails. Empty: 10s, the mesh&apos;s connectTimeout.</source>
        <translation>Wie lange der Aufbau einer TCP-Verbindung dauern darf, bevor er fehlschlägt. Leer: 10s, das connectTimeout des Mesh.</translation>
    </message>
    <message>
        <source>Keep-alive idle time</source>
        <translation>Keep-alive-Leerlaufzeit</translation>
    </message>
    <message>
        <source>How long a connection is idle before TCP keep-alive probes start. Empty: the operating system&apos;s setting (7200s on Linux).</source>
        <translation>Wie lange eine Verbindung untätig ist, bevor TCP-Keep-alive-Probes beginnen. Leer: die Einstellung des Betriebssystems (7200s unter Linux).</translation>
    </message>
    <message>
        <source>system default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation>Keep-alive-Intervall</translation>
    </message>
    <message>
        <source>Time between two keep-alive probes. Empty: the operating system&apos;s setting (75s on Linux).</source>
        <translation>Zeit zwischen zwei Keep-alive-Probes. Leer: die Einstellung des Betriebssystems (75s unter Linux).</translation>
    </message>
    <message>
        <source>Keep-alive probes</source>
        <translation>Keep-alive-Probes</translation>
    </message>
    <message>
        <source>Unanswered probes after which the connection counts as dead. Empty: the operating system&apos;s setting (9 on Linux).</source>
        <translation>Unbeantwortete Probes, nach denen die Verbindung als tot gilt. Leer: die Einstellung des Betriebssystems (9 unter Linux).</translation>
    </message>
    <message>
        <source>Max pending requests</source>
        <translation>Max. wartende Anfragen</translation>
    </message>
    <message>
        <source>Requests that may wait for a connection; more fail at once with 503 (flag UO, overflow). 0 or empty: 4294967295, in effect unlimited.</source>
        <translation>Anfragen, die auf eine Verbindung warten dürfen; weitere schlagen sofort mit 503 fehl (Flag UO, Overflow). 0 oder leer: 4294967295, praktisch unbegrenzt.</translation>
    </message>
    <message>
        <source>Max requests</source>
        <translation>Max. Anfragen</translation>
    </message>
    <message>
        <source>Most requests in flight to the destination at once, HTTP/1.1 and HTTP/2; more fail with 503 (UO). 0 or empty: 4294967295, in effect unlimited.</source>
        <translation>Höchstzahl gleichzeitig laufender Anfragen an das Ziel, HTTP/1.1 und HTTP/2; weitere schlagen mit 503 fehl (UO). 0 oder leer: 4294967295, praktisch unbegrenzt.</translation>
    </message>
    <message>
        <source>Requests per connection</source>
        <translation>Anfragen pro Verbindung</translation>
    </message>
    <message>
        <source>A connection is closed after this many requests; 1 turns keep-alive off. 0 or empty: no limit.</source>
        <translation>Eine Verbindung wird nach so vielen Anfragen geschlossen; 1 schaltet Keep-alive ab. 0 oder leer: kein Limit.</translation>
    </message>
    <message>
        <source>Max concurrent retries</source>
        <translation>Max. gleichzeitige Retries</translation>
    </message>
    <message>
        <source>Most retries in flight to the destination at once, all requests together. 0 or empty: 4294967295, in effect unlimited (Envoy alone would allow 3).</source>
        <translation>Höchstzahl gleichzeitig laufender Retries an das Ziel, über alle Anfragen zusammen. 0 oder leer: 4294967295, praktisch unbegrenzt (Envoy allein würde 3 erlauben).</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Idle-Timeout</translation>
    </message>
    <message>
        <source>A connection without requests for this long is closed. Empty: 1h.</source>
        <translation>Eine Verbindung, die so lange keine Anfragen hat, wird geschlossen. Leer: 1h.</translation>
    </message>
    <message>
        <source>HTTP/2 upgrade</source>
        <translation>HTTP/2-Upgrade</translation>
    </message>
    <message>
        <source>Whether HTTP/1.1 connections to the destination are upgraded to HTTP/2. Empty or DEFAULT: the mesh&apos;s setting, DO_NOT_UPGRADE unless changed.</source>
        <translation>Ob HTTP/1.1-Verbindungen zum Ziel auf HTTP/2 hochgestuft werden. Leer oder DEFAULT: die Einstellung des Mesh, DO_NOT_UPGRADE, sofern nicht geändert.</translation>
    </message>
    <message>
        <source>default (mesh setting)</source>
        <translation>Standard (Mesh-Einstellung)</translation>
    </message>
    <message>
        <source>Consecutive 5xx errors</source>
        <translation>Aufeinanderfolgende 5xx-Fehler</translation>
    </message>
    <message>
        <source>A pod that answers this many 5xx in a row is ejected (connect failures and resets count too unless they are split off); 0 turns this off. Empty: 5.</source>
        <translation>Ein Pod, der so viele 5xx hintereinander liefert, wird ausgeschlossen (Verbindungsfehler und Resets zählen mit, sofern sie nicht abgetrennt sind); 0 schaltet das ab. Leer: 5.</translation>
    </message>
    <message>
        <source>default (5)</source>
        <translation>Standard (5)</translation>
    </message>
    <message>
        <source>Consecutive gateway errors</source>
        <translation>Aufeinanderfolgende Gateway-Fehler</translation>
    </message>
    <message>
        <source>A pod that answers this many 502, 503 or 504 in a row is ejected. 0 or empty: not checked.</source>
        <translation>Ein Pod, der so oft hintereinander 502, 503 oder 504 liefert, wird ausgeschlossen. 0 oder leer: nicht geprüft.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Split local failures</source>
        <translation>Lokale Fehler trennen</translation>
    </message>
    <message>
        <source>Count failures of the proxy itself (connect errors, timeouts, resets) apart from the pod&apos;s answers. Unchecked: both count as 5xx and gateway errors.</source>
        <translation>Fehler des Proxys selbst (Verbindungsfehler, Timeouts, Resets) getrennt von den Antworten des Pods zählen. Nicht angehakt: Beide zählen als 5xx- und Gateway-Fehler.</translation>
    </message>
    <message>
        <source>Consecutive local failures</source>
        <translation>Aufeinanderfolgende lokale Fehler</translation>
    </message>
    <message>
        <source>With split local failures: a pod that fails this many times in a row from the proxy&apos;s side is ejected. Empty: 5.</source>
        <translation>Bei getrennten lokalen Fehlern: Ein Pod, der aus Sicht des Proxys so oft hintereinander fehlschlägt, wird ausgeschlossen. Leer: 5.</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>How often ejected pods are checked for return and the ejection count decays. Empty: 10s.</source>
        <translation>Wie oft ausgeschlossene Pods auf Rückkehr geprüft werden und der Ausschlusszähler abklingt. Leer: 10s.</translation>
    </message>
    <message>
        <source>Base ejection time</source>
        <translation>Basis-Ausschlusszeit</translation>
    </message>
    <message>
        <source>How long a pod stays ejected, times the number of times it was ejected (at most 300s or this time). Empty: 30s.</source>
        <translation>Wie lange ein Pod ausgeschlossen bleibt, multipliziert mit der Anzahl seiner Ausschlüsse (höchstens 300s oder diese Zeit). Leer: 30s.</translation>
    </message>
    <message>
        <source>Max ejection %</source>
        <translation>Max. Ausschluss %</translation>
    </message>
    <message>
        <source>The largest share of the pods that may be ejected at once; one pod can always be. 0 or empty: 10%.</source>
        <translation>Der größte Anteil der Pods, der gleichzeitig ausgeschlossen werden darf; ein Pod darf es immer. 0 oder leer: 10%.</translation>
    </message>
    <message>
        <source>default (10%)</source>
        <translation>Standard (10%)</translation>
    </message>
    <message>
        <source>Min health %</source>
        <translation>Min. Gesundheit %</translation>
    </message>
    <message>
        <source>When fewer pods than this share are healthy, Envoy spreads requests over all pods, ejected ones too (panic mode). 0 or empty: no panic mode.</source>
        <translation>Wenn weniger Pods als dieser Anteil gesund sind, verteilt Envoy Anfragen auf alle Pods, auch auf ausgeschlossene (Panic Mode). 0 oder leer: kein Panic Mode.</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS-Modus</translation>
    </message>
    <message>
        <source>TLS on connections to the destination: DISABLE sends plain text, SIMPLE originates TLS, MUTUAL adds a client certificate, ISTIO_MUTUAL uses the mesh&apos;s workload certificates. Empty: auto mutual TLS decides (ISTIO_MUTUAL to pods with a sidecar, plain text to others).</source>
        <translation>TLS auf Verbindungen zum Ziel: DISABLE sendet Klartext, SIMPLE baut TLS auf, MUTUAL fügt ein Client-Zertifikat hinzu, ISTIO_MUTUAL verwendet die Workload-Zertifikate des Mesh. Leer: Auto-mTLS entscheidet (ISTIO_MUTUAL zu Pods mit Sidecar, Klartext zu anderen).</translation>
    </message>
    <message>
        <source>default (auto mTLS)</source>
        <translation>Standard (Auto-mTLS)</translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation>Load Balancer</translation>
    </message>
    <message>
        <source>Either an algorithm or one consistent-hash key; setting one clears the other.</source>
        <translation>Entweder ein Algorithmus oder ein Consistent-Hash-Schlüssel; das Setzen des einen löscht das andere.</translation>
    </message>
    <message>
        <source>Connection pool</source>
        <translation>Verbindungspool</translation>
    </message>
    <message>
        <source>Outlier detection</source>
        <translation>Outlier Detection</translation>
    </message>
    <message>
        <source>Without any of these fields no pod is ever ejected; once one is set, the defaults shown apply to the others.</source>
        <translation>Ohne eines dieser Felder wird nie ein Pod ausgeschlossen; sobald eines gesetzt ist, gelten für die anderen die angezeigten Standardwerte.</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::TrialRequestEditor</name>
    <message>
        <source>The request&apos;s HTTP method; any token may be typed. Default: GET.</source>
        <translation>Die HTTP-Methode der Anfrage; jedes Token kann eingegeben werden. Standard: GET.</translation>
    </message>
    <message>
        <source>http://reviews:9080/</source>
        <translation>http://reviews:9080/</translation>
    </message>
    <message>
        <source>The URL as a client in the mesh writes it, e.g. http://reviews:9080/products?id=1. Its host picks the listener: a Service or mesh host goes to the mesh listener, a host a Gateway serves to that Gateway&apos;s port. Without a port the Service&apos;s port (mesh) or 80 (gateway) applies. The list offers the project&apos;s hosts and gateway URLs.</source>
        <translation>Die URL, wie ein Client im Mesh sie schreibt, z. B. http://reviews:9080/products?id=1. Ihr Host bestimmt den Listener: Ein Service- oder Mesh-Host geht an den Mesh-Listener, ein Host, den ein Gateway bedient, an den Port dieses Gateways. Ohne Port gilt der Port des Service (Mesh) oder 80 (Gateway). Die Liste bietet die Hosts und Gateway-URLs des Projekts an.</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Request headers, one per row; the empty last row takes a new one. Rows without a name are ignored. Host comes from the URL unless a row sets it.</source>
        <translation>Request-Header, einer pro Zeile; die leere letzte Zeile nimmt einen neuen auf. Zeilen ohne Namen werden ignoriert. Host stammt aus der URL, sofern keine Zeile ihn setzt.</translation>
    </message>
    <message>
        <source>Remove Header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <source>Removes the selected header rows.</source>
        <translation>Entfernt die ausgewählten Header-Zeilen.</translation>
    </message>
    <message>
        <source>Request body (optional)</source>
        <translation>Anfrage-Body (optional)</translation>
    </message>
    <message>
        <source>The request body, sent as typed with its Content-Length. Empty: no body.</source>
        <translation>Der Anfrage-Body, gesendet wie eingegeben, mit seiner Content-Length. Leer: kein Body.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::TrialResultView</name>
    <message>
        <source>The response status, the time from connecting to the last byte of the answer, and the listener the request went to.</source>
        <translation>Der Antwortstatus, die Zeit vom Verbindungsaufbau bis zum letzten Byte der Antwort und der Listener, an den die Anfrage ging.</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The response headers as received, in order.</source>
        <translation>Die Response-Header wie empfangen, in ihrer Reihenfolge.</translation>
    </message>
    <message>
        <source>The response body; JSON is shown indented.</source>
        <translation>Der Antwort-Body; JSON wird eingerückt angezeigt.</translation>
    </message>
    <message>
        <source>No response: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <source>Explained, nothing sent. The proxy would answer itself: %1 %2</source>
        <translation>Erklärt, nichts gesendet. Der Proxy würde selbst antworten: %1 %2</translation>
    </message>
    <message>
        <source>Explained, nothing sent: the request would be forwarded as the trace shows.</source>
        <translation>Erklärt, nichts gesendet: Die Anfrage würde so weitergeleitet, wie der Trace zeigt.</translation>
    </message>
    <message>
        <source>%1 %2 · %3 ms</source>
        <translation>%1 %2 · %3 ms</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source>No trial sent yet: Send puts the request through the running engine, Explain shows its route without sending it.</source>
        <translation>Noch keine Testanfrage gesendet: Senden schickt die Anfrage durch die laufende Engine, Erklären zeigt ihre Route, ohne sie zu senden.</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::TrialSuiteTable</name>
    <message>
        <source>Run All</source>
        <translation>Alle ausführen</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>Testanfrage</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Expected destination</source>
        <translation>Erwartetes Ziel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Each row is a route test: the request and the route its matched rule must have, written host/subset with the weight in parentheses when the rule splits traffic, e.g. reviews/v1 (90), reviews/v3 (10). Double-click a request to load it into the editor.</source>
        <translation>Jede Zeile ist ein Routentest: die Anfrage und die Route, die ihre passende Regel haben muss, geschrieben als host/subset, mit dem Gewicht in Klammern, wenn die Regel den Traffic aufteilt, z. B. reviews/v1 (90), reviews/v3 (10). Doppelklicken Sie auf eine Anfrage, um sie in den Editor zu laden.</translation>
    </message>
    <message>
        <source>Add Current Trial</source>
        <translation>Aktuelle Testanfrage hinzufügen</translation>
    </message>
    <message>
        <source>Adds the trial in the editor as a row, expecting the route its request matches now.</source>
        <translation>Fügt die Testanfrage aus dem Editor als Zeile hinzu und erwartet die Route, auf die ihre Anfrage jetzt passt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removes the selected rows.</source>
        <translation>Entfernt die ausgewählten Zeilen.</translation>
    </message>
    <message>
        <source>Runs every row against the current configuration, the way meshstudio-cli test does: the request is explained (no traffic) and its matched rule&apos;s route compared with the row&apos;s.</source>
        <translation>Führt jede Zeile gegen die aktuelle Konfiguration aus, so wie meshstudio-cli test: Die Anfrage wird erklärt (kein Traffic), und die Route ihrer passenden Regel wird mit der Route der Zeile verglichen.</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Reads a route test file (istio-config-validator&apos;s testCases format).</source>
        <translation>Liest eine Routentest-Datei (testCases-Format von istio-config-validator).</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Writes the suite as a route test file that `meshstudio-cli test FILE --config PROJECT` runs, e.g. in CI.</source>
        <translation>Schreibt die Testsuite als Routentest-Datei, die `meshstudio-cli test DATEI --config PROJEKT` ausführt, z. B. in CI.</translation>
    </message>
    <message>
        <source>The test case&apos;s description; double-click to rename.</source>
        <translation>Die Beschreibung des Testfalls; zum Umbenennen doppelklicken.</translation>
    </message>
    <message>
        <source>host/subset of each destination of the matched rule, the weight in parentheses when there are several: reviews/v1 (90), reviews/v3 (10). A port is written host:9080/subset.</source>
        <translation>host/subset jedes Ziels der passenden Regel, bei mehreren mit dem Gewicht in Klammern: reviews/v1 (90), reviews/v3 (10). Ein Port wird als host:9080/subset geschrieben.</translation>
    </message>
    <message>
        <source>✓ passed</source>
        <translation>✓ bestanden</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ fehlgeschlagen</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::VirtualServiceEditor</name>
    <message>
        <source>HTTP routes, in the order they are tried</source>
        <translation>HTTP-Routen in der Reihenfolge, in der sie geprüft werden</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Which requests the route takes: blocks of conditions, any block may match.</source>
        <translation>Welche Anfragen die Route annimmt: Blöcke von Bedingungen, jeder Block kann passen.</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Where the route sends traffic, and how it splits it.</source>
        <translation>Wohin die Route den Traffic sendet und wie sie ihn aufteilt.</translation>
    </message>
    <message>
        <source>Rewrite / redirect</source>
        <translation>Rewrite / Redirect</translation>
    </message>
    <message>
        <source>Rewrite before forwarding</source>
        <translation>Vor dem Weiterleiten umschreiben</translation>
    </message>
    <message>
        <source>Redirect instead of forwarding</source>
        <translation>Umleiten statt weiterleiten</translation>
    </message>
    <message>
        <source>Answer directly</source>
        <translation>Direkt antworten</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Request (to the destination)</source>
        <translation>Anfrage (an das Ziel)</translation>
    </message>
    <message>
        <source>Response (to the caller)</source>
        <translation>Antwort (an den Aufrufer)</translation>
    </message>
    <message>
        <source>Timeout &amp;&amp; retries</source>
        <translation>Timeout &amp;&amp; Retries</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Fault Injection</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Spiegelung</translation>
    </message>
    <message>
        <source>CORS</source>
        <translation>CORS</translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation>Erlaubte Origins</translation>
    </message>
    <message>
        <source>Origins whose pages may call this route from a browser (Access-Control-Allow-Origin). Empty: no origin is allowed and the CORS policy does nothing.</source>
        <translation>Origins, deren Seiten diese Route aus einem Browser aufrufen dürfen (Access-Control-Allow-Origin). Leer: Kein Origin ist erlaubt, und die CORS-Policy bewirkt nichts.</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>%1. %2 — %3
%4</source>
        <translation>%1. %2 — %3
%4</translation>
    </message>
    <message>
        <source>Route %1 before it takes every request, so this route can never match. Move it above route %1, or limit route %1 with a match.</source>
        <translation>Die vorangehende Route %1 nimmt jede Anfrage an, daher kann diese Route nie greifen. Verschieben Sie sie über Route %1 oder schränken Sie Route %1 mit einem Match ein.</translation>
    </message>
    <message>
        <source>This route takes every request that reaches it: the routes after it can never match.</source>
        <translation>Diese Route nimmt jede Anfrage an, die sie erreicht: Die Routen danach können nie greifen.</translation>
    </message>
    <message>
        <source>Tried in position %1: it takes the requests it matches that no route above took.</source>
        <translation>Wird an Position %1 geprüft: Sie nimmt die passenden Anfragen an, die keine Route darüber angenommen hat.</translation>
    </message>
    <message>
        <source>No HTTP routes. Add one to send this host&apos;s HTTP traffic somewhere.</source>
        <translation>Keine HTTP-Routen. Fügen Sie eine hinzu, um den HTTP-Traffic dieses Hosts irgendwohin zu senden.</translation>
    </message>
    <message>
        <source>The TCP and TLS routes of this VirtualService are kept as written; edit them in the YAML.</source>
        <translation>Die TCP- und TLS-Routen dieses VirtualService bleiben wie geschrieben erhalten; bearbeiten Sie sie im YAML.</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::VirtualServiceHostsEditor</name>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>The hosts these routes apply to, comma-separated: a Service name (short names resolve in this namespace), a ServiceEntry host, or for gateways a public name such as shop.example.com; * wildcards are allowed. Required: there is no default.</source>
        <translation>Die Hosts, für die diese Routen gelten, durch Kommas getrennt: ein Service-Name (Kurznamen werden in diesem Namespace aufgelöst), ein ServiceEntry-Host oder für Gateways ein öffentlicher Name wie shop.example.com; *-Wildcards sind erlaubt. Erforderlich: Es gibt keinen Standard.</translation>
    </message>
    <message>
        <source>reviews, reviews.shop.svc.cluster.local</source>
        <translation>reviews, reviews.shop.svc.cluster.local</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>Adds one of the project&apos;s Service or ServiceEntry hosts to the list.</source>
        <translation>Fügt der Liste einen der Service- oder ServiceEntry-Hosts des Projekts hinzu.</translation>
    </message>
    <message>
        <source>Where these routes apply: checked Gateways (their proxies at the edge of the mesh) and mesh (every sidecar). None checked: mesh only, the default.</source>
        <translation>Wo diese Routen gelten: angehakte Gateways (deren Proxys am Rand des Mesh) und mesh (jeder Sidecar). Keines angehakt: nur mesh, der Standard.</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <source>The reserved name for every sidecar of the mesh.</source>
        <translation>Der reservierte Name für alle Sidecars des Mesh.</translation>
    </message>
    <message>
        <source>Not a Gateway of this project; kept as written.</source>
        <translation>Kein Gateway dieses Projekts; bleibt wie geschrieben erhalten.</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::WeightSplitBar</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Traffic split</source>
        <translation>Traffic-Aufteilung</translation>
    </message>
    <message>
        <source>No destinations</source>
        <translation>Keine Ziele</translation>
    </message>
    <message>
        <source>No traffic: every weight is 0</source>
        <translation>Kein Traffic: Jedes Gewicht ist 0</translation>
    </message>
    <message>
        <source>Destination %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>destination label, then its share of traffic</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>How this route&apos;s traffic is split: %1</source>
        <translation>Wie der Traffic dieser Route aufgeteilt wird: %1</translation>
    </message>
    <message>
        <source>No traffic</source>
        <translation>Kein Traffic</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::WeightSplitEditor</name>
    <message>
        <source>(no host)</source>
        <translation>(kein Host)</translation>
    </message>
    <message>
        <source>(no destination)</source>
        <translation>(kein Ziel)</translation>
    </message>
    <message>
        <source>Colour of %1 in the split bar</source>
        <translation>Farbe von %1 im Aufteilungsbalken</translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation>Gewicht von %1</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Weight of %1 in percent</source>
        <translation>Gewicht von %1 in Prozent</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Lock the weight of %1</source>
        <translation>Gewicht von %1 sperren</translation>
    </message>
    <message>
        <source>Keep the weight of %1 fixed while you change the others. Default: unlocked.</source>
        <translation>Das Gewicht von %1 festhalten, während Sie die anderen ändern. Standard: nicht gesperrt.</translation>
    </message>
    <message>
        <source>A single destination always receives all of the route&apos;s traffic (100).</source>
        <translation>Ein einzelnes Ziel erhält immer den gesamten Traffic der Route (100).</translation>
    </message>
    <message>
        <source>The weight of %1 is locked. Unlock it to change it.</source>
        <translation>Das Gewicht von %1 ist gesperrt. Entsperren Sie es, um es zu ändern.</translation>
    </message>
    <message>
        <source>Every other destination is locked, so nothing could take up a change to %1. Unlock one of them first.</source>
        <translation>Alle anderen Ziele sind gesperrt, daher könnte nichts eine Änderung an %1 ausgleichen. Entsperren Sie zuerst eines davon.</translation>
    </message>
    <message>
        <source>Percent of this route&apos;s traffic sent to %1. Changing it adjusts the unlocked destinations so that the total stays 100. Default when the YAML has no weight: 100 for a single destination, 0 for one among several.</source>
        <translation>Prozent des Traffics dieser Route, die an %1 gehen. Eine Änderung passt die nicht gesperrten Ziele an, sodass die Summe 100 bleibt. Standard, wenn das YAML kein Gewicht enthält: 100 für ein einzelnes Ziel, 0 für eines unter mehreren.</translation>
    </message>
    <message>
        <source>A single destination receives all traffic; its weight of %1 is ignored.</source>
        <translation>Ein einzelnes Ziel erhält den gesamten Traffic; sein Gewicht von %1 wird ignoriert.</translation>
    </message>
    <message>
        <source>Every weight is 0, which Istio rejects. Changing one splits the rest evenly.</source>
        <translation>Jedes Gewicht ist 0, was Istio ablehnt. Eine Änderung an einem Gewicht verteilt den Rest gleichmäßig.</translation>
    </message>
    <message>
        <source>The weights in the YAML add up to %1, not 100; shown here as percentages of that total. Changing any weight writes them all as percentages.</source>
        <translation>Die Gewichte im YAML ergeben zusammen %1, nicht 100; hier als Prozentanteile dieser Summe angezeigt. Eine Änderung an einem beliebigen Gewicht schreibt alle als Prozentwerte.</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::WorkloadEditor</name>
    <message>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <source>Labels a pod needs to receive this Service&apos;s traffic, in the Service&apos;s namespace. Empty: no pod is selected (the endpoints would be managed by hand).</source>
        <translation>Labels, die ein Pod im Namespace des Service braucht, um den Traffic dieses Service zu erhalten. Leer: Es wird kein Pod ausgewählt (die Endpunkte würden von Hand verwaltet).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The port&apos;s name. Without an app protocol Istio takes the protocol from a name such as http-web or grpc-api. Required when the Service has more than one port.</source>
        <translation>Der Name des Ports. Ohne App-Protokoll entnimmt Istio das Protokoll einem Namen wie http-web oder grpc-api. Erforderlich, wenn der Service mehr als einen Port hat.</translation>
    </message>
    <message>
        <source>e.g. http-web</source>
        <translation>z. B. http-web</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>The port clients call on the Service. Required.</source>
        <translation>Der Port, den Clients am Service aufrufen. Erforderlich.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Target port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <source>Where the pods receive the requests: a container port number, or the name of a container port. Empty: the same number as the port.</source>
        <translation>Wo die Pods die Anfragen empfangen: eine Container-Portnummer oder der Name eines Container-Ports. Leer: dieselbe Nummer wie der Port.</translation>
    </message>
    <message>
        <source>same as the port</source>
        <translation>wie der Port</translation>
    </message>
    <message>
        <source>App protocol</source>
        <translation>App-Protokoll</translation>
    </message>
    <message>
        <source>The protocol Istio assumes on this port: http, http2, grpc, tcp, tls, https and so on. Empty: taken from the name&apos;s prefix (http-, grpc-, ...), else detected from the first bytes (HTTP, otherwise TCP).</source>
        <translation>Das Protokoll, das Istio auf diesem Port annimmt: http, http2, grpc, tcp, tls, https und so weiter. Leer: aus dem Präfix des Namens entnommen (http-, grpc-, ...), sonst aus den ersten Bytes erkannt (HTTP, andernfalls TCP).</translation>
    </message>
    <message>
        <source>from the name</source>
        <translation>aus dem Namen</translation>
    </message>
    <message>
        <source>Add an HTTP port on a free number</source>
        <translation>Einen HTTP-Port mit freier Nummer hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected port</source>
        <translation>Den ausgewählten Port entfernen</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replicas</translation>
    </message>
    <message>
        <source>How many pods run this template; the simulation starts as many. Empty: 1.</source>
        <translation>Wie viele Pods dieses Template ausführen; die Simulation startet ebenso viele. Leer: 1.</translation>
    </message>
    <message>
        <source>default (1)</source>
        <translation>Standard (1)</translation>
    </message>
    <message>
        <source>Pod labels</source>
        <translation>Pod-Labels</translation>
    </message>
    <message>
        <source>Labels of the pods: Services select pods by them and DestinationRule subsets choose among them. They must keep every label of the Deployment&apos;s selector (spec.selector.matchLabels).</source>
        <translation>Labels der Pods: Services wählen Pods danach aus, und DestinationRule-Subsets wählen unter ihnen. Sie müssen jedes Label des Selektors des Deployments behalten (spec.selector.matchLabels).</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>How long a simulated pod takes to answer: a fixed time such as 25ms or 1.5s, or a range such as 10ms-80ms drawn anew for each request; at most 60s. Empty: it answers at once.</source>
        <translation>Wie lange ein simulierter Pod für die Antwort braucht: eine feste Zeit wie 25ms oder 1.5s oder ein Bereich wie 10ms-80ms, für jede Anfrage neu ausgelost; höchstens 60s. Leer: Er antwortet sofort.</translation>
    </message>
    <message>
        <source>none, e.g. 25ms or 10ms-80ms</source>
        <translation>keine, z. B. 25ms oder 10ms-80ms</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>The share of requests answered with the error status: a fraction such as 0.05, or a percentage such as 5%. Empty: no injected errors.</source>
        <translation>Der Anteil der Anfragen, die mit dem Fehlerstatus beantwortet werden: ein Bruchteil wie 0.05 oder ein Prozentsatz wie 5%. Leer: keine injizierten Fehler.</translation>
    </message>
    <message>
        <source>none, e.g. 0.05 or 5%</source>
        <translation>keine, z. B. 0.05 oder 5%</translation>
    </message>
    <message>
        <source>Error status</source>
        <translation>Fehlerstatus</translation>
    </message>
    <message>
        <source>The HTTP status of the injected errors, 400 to 599. Empty: 503.</source>
        <translation>Der HTTP-Status der injizierten Fehler, 400 bis 599. Leer: 503.</translation>
    </message>
    <message>
        <source>default (503)</source>
        <translation>Standard (503)</translation>
    </message>
    <message>
        <source>Connection handshake</source>
        <translation>Verbindungs-Handshake</translation>
    </message>
    <message>
        <source>Extra time to open a connection to the pod, such as a sidecar-to-sidecar mTLS handshake (1ms); requests wait as pending meanwhile. At most 60s. Empty: none.</source>
        <translation>Zusätzliche Zeit für den Aufbau einer Verbindung zum Pod, etwa für einen mTLS-Handshake von Sidecar zu Sidecar (1ms); Anfragen warten so lange als pending. Höchstens 60s. Leer: keine.</translation>
    </message>
    <message>
        <source>none, e.g. 1ms</source>
        <translation>keine, z. B. 1ms</translation>
    </message>
    <message>
        <source>Real upstream</source>
        <translation>Echter Upstream</translation>
    </message>
    <message>
        <source>Send this pod&apos;s requests to a real local process instead of simulating it: host:port, or one host:port per replica separated by commas. Empty: the pod is simulated.</source>
        <translation>Die Anfragen dieses Pods an einen echten lokalen Prozess senden, statt ihn zu simulieren: host:port oder ein host:port pro Replica, durch Kommas getrennt. Leer: Der Pod wird simuliert.</translation>
    </message>
    <message>
        <source>simulated, e.g. 127.0.0.1:9081</source>
        <translation>simuliert, z. B. 127.0.0.1:9081</translation>
    </message>
    <message>
        <source>Simulation (meshstudio.dev annotations of the pods)</source>
        <translation>Simulation (meshstudio.dev-Annotationen der Pods)</translation>
    </message>
    <message>
        <source>No selector: no pod receives this Service&apos;s traffic.</source>
        <translation>Kein Selektor: Kein Pod erhält den Traffic dieses Service.</translation>
    </message>
    <message>
        <source>Selects no pods: no Deployment or Pod in this namespace carries these labels.</source>
        <translation>Wählt keine Pods aus: Kein Deployment und kein Pod in diesem Namespace trägt diese Labels.</translation>
    </message>
    <message numerus="yes">
        <source>Selects %n pod(s): %1</source>
        <translation>
            <numerusform>Wählt %n Pod aus: %1</numerusform>
            <numerusform>Wählt %n Pods aus: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The pod labels lack %1 of the Deployment&apos;s selector; Kubernetes rejects a Deployment whose selector does not match its pods.</source>
        <translation>Den Pod-Labels fehlt %1 aus dem Selektor des Deployments; Kubernetes lehnt ein Deployment ab, dessen Selektor nicht zu seinen Pods passt.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source> → %1</source>
        <translation> → %1</translation>
    </message>
    <message>
        <source>Write a fixed latency such as 25ms or 1.5s, or a range such as 10ms-80ms.</source>
        <translation>Geben Sie eine feste Latenz wie 25ms oder 1.5s oder einen Bereich wie 10ms-80ms an.</translation>
    </message>
    <message>
        <source>A simulated latency is at most 60s.</source>
        <translation>Eine simulierte Latenz beträgt höchstens 60s.</translation>
    </message>
    <message>
        <source>The range starts above its end: write the smaller latency first.</source>
        <translation>Der Bereich beginnt über seinem Ende: Geben Sie die kleinere Latenz zuerst an.</translation>
    </message>
    <message>
        <source>Write a fraction from 0 to 1 such as 0.05, or a percentage such as 5%.</source>
        <translation>Geben Sie einen Bruchteil von 0 bis 1 wie 0.05 oder einen Prozentsatz wie 5% an.</translation>
    </message>
    <message>
        <source>At most 100%.</source>
        <translation>Höchstens 100%.</translation>
    </message>
    <message>
        <source>A fraction is at most 1 (or write 5%).</source>
        <translation>Ein Bruchteil ist höchstens 1 (oder geben Sie 5% an).</translation>
    </message>
    <message>
        <source>Write a duration such as 1ms or 0.5s.</source>
        <translation>Geben Sie eine Dauer wie 1ms oder 0.5s an.</translation>
    </message>
    <message>
        <source>A handshake is at most 60s.</source>
        <translation>Ein Handshake dauert höchstens 60s.</translation>
    </message>
    <message>
        <source>Write host:port such as 127.0.0.1:9081, or one host:port per replica separated by commas (IPv6 in brackets: [::1]:9081).</source>
        <translation>Geben Sie host:port wie 127.0.0.1:9081 an oder ein host:port pro Replica, durch Kommas getrennt (IPv6 in eckigen Klammern: [::1]:9081).</translation>
    </message>
</context>
<context>
    <name>meshstudio::views::YamlView</name>
    <message>
        <source>The selected resource&apos;s YAML. Edit it here: the change is applied when you pause, as one step you can undo; a line that does not parse is underlined and nothing is applied.</source>
        <translation>Das YAML der ausgewählten Ressource. Bearbeiten Sie es hier: Die Änderung wird übernommen, sobald Sie innehalten, als ein Schritt, den Sie rückgängig machen können; eine nicht lesbare Zeile wird unterstrichen, und nichts wird übernommen.</translation>
    </message>
</context>
</TS>
