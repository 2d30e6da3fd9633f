<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>&amp;Open Folder…</source>
        <translation>Ordner ö&amp;ffnen…</translation>
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
        <source>Cannot open %1: not a readable folder</source>
        <translation>%1 kann nicht geöffnet werden: kein lesbarer Ordner</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
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
        <source>Open Project Folder</source>
        <translation>Projektordner öffnen</translation>
    </message>
    <message>
        <source>%1 is not a readable folder.</source>
        <translation>%1 ist kein lesbarer Ordner.</translation>
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
</context>
</TS>
