#include "app/CliEngineCommands.h"

#include <signal.h>
#include <time.h>

#include <iostream>
#include <ostream>

#include "app/CliArguments.h"
#include "app/CliEngineInput.h"
#include "engine/ConfigSource.h"
#include "engine/Engine.h"
#include "engine/Explain.h"
#include "engine/RouteTestFile.h"

namespace meshstudio::app {
namespace {

constexpr int kOk = 0, kFailures = 1, kUsage = 2;

using Input = CliEngineInput;

}  // namespace

const char* CliEngineCommands::usage() {
  return "  route [--method M] [-H 'name: value']... [--listener mesh|gateway:PORT] URL PATH...\n"
         "      Explain how the engine routes one request, without sending it: virtual host, every rule\n"
         "      and block considered and why, the weight draw, rewrites and the policies that apply.\n"
         "      Exit code 1 when the request gets no route (404 NR).\n"
         "  test TESTFILE... --config PATH...\n"
         "      Run route test cases written for istio-config-validator (testCases[] with request,\n"
         "      route, wantMatch...). Exit code 1 on any failure.\n"
         "  serve [--listen ADDR:PORT] [--admin ADDR:PORT] [--threads N] [--gateway-port 80=18080]...\n"
         "        [--access-log stdout|off] PATH...\n"
         "      Run the engine on a project: the mesh listener (127.0.0.1:15001), one listener per\n"
         "      Gateway port (10000 + port), and the admin listener (127.0.0.1:15000). Reloads when\n"
         "      the files change; stops on SIGINT/SIGTERM. Port 0 picks a free port (printed on stderr).\n";
}

int CliEngineCommands::route(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CliArguments parsed =
      CliArguments::parse(arguments, {"method", "header", "listener"}, 2, {{"H", "header"}, {"X", "method"}});
  std::string error = parsed.error;
  engine::HeaderList headers = Input::parseHeaders(parsed.all("header"), error);
  if (!error.empty()) {
    err << "meshstudio-cli route: " << error << "\n";
    return kUsage;
  }
  const std::string url = parsed.positional.front();
  auto snapshot = Input::loadOrReport(engine::ConfigSource(CliArguments::paths(parsed.positional, 1)), "route", err);
  if (!snapshot) return kUsage;
  const std::string listener = parsed.option("listener", engine::listenerFor(*snapshot, Input::authorityOf(url)));
  engine::SeededRandom random(static_cast<std::uint64_t>(::time(nullptr)));
  auto explanation =
      engine::explain(*snapshot, listener, engine::makeRequest(parsed.option("method", "GET"), url, headers), random);
  if (!explanation) {
    err << "meshstudio-cli route: no listener \"" << listener << "\" (mesh, or gateway:<port> of a Gateway server)\n";
    return kUsage;
  }
  out << explanation->render();
  if (explanation->decision.forward) {
    const engine::Request& upstream = explanation->upstreamRequest;
    out << "upstream request:\n    " << upstream.method_string() << " " << upstream.target() << "\n";
    for (const auto& field : upstream) out << "    " << field.name_string() << ": " << field.value() << "\n";
  }
  return explanation->decision.route ? kOk : kFailures;
}

int CliEngineCommands::test(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CliArguments parsed = CliArguments::parse(arguments, {"config"}, 1);
  if (parsed.error.empty() && parsed.all("config").empty()) parsed.error = "--config PATH is required";
  if (!parsed.error.empty()) {
    err << "meshstudio-cli test: " << parsed.error << "\n";
    return kUsage;
  }
  auto snapshot = Input::loadOrReport(engine::ConfigSource(CliArguments::paths(parsed.all("config"))), "test", err);
  if (!snapshot) return kUsage;
  engine::FixedRandom random{0};  // route tests compare rules, not draws: keep them reproducible
  auto explainer = [&](const engine::RouteTestRequest& request) {
    return engine::routeTestOutcome(*snapshot, request, random);
  };
  int cases = 0, requests = 0, failures = 0, errors = 0;
  for (const std::string& file : parsed.positional) {
    engine::RouteTestReport report = engine::runRouteTestFile(file, explainer);
    cases += report.casesRun;
    requests += report.requestsRun;
    for (const std::string& e : report.errors) err << e << "\n";
    for (const std::string& w : report.warnings) err << "warning: " << w << "\n";
    for (const engine::RouteTestFailure& failure : report.failures) out << failure.message << "\n";
    failures += static_cast<int>(report.failures.size());
    errors += static_cast<int>(report.errors.size());
  }
  out << cases << " test cases, " << requests << " requests: " << failures << " failed";
  if (errors > 0) out << ", " << errors << " errors in test files";
  out << "\n";
  if (errors > 0) return kUsage;
  return failures > 0 ? kFailures : kOk;
}

int CliEngineCommands::serve(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CliArguments parsed = CliArguments::parse(arguments, {"listen", "admin", "threads", "access-log", "gateway-port"}, 1);
  engine::EngineOptions options;
  auto address = [&](const char* name, std::optional<engine::ListenAddress>& target) {
    const std::string value = parsed.option(name, "");
    if (value.empty() || !parsed.error.empty()) return;
    engine::ListenAddress parsedAddress;
    if (!engine::ListenAddress::parse(value, parsedAddress))
      parsed.error = std::string("--") + name + " expects ADDR:PORT, got \"" + value + "\"";
    target = parsedAddress;
  };
  address("listen", options.meshOverride);
  address("admin", options.adminOverride);
  options.threads = std::atoi(parsed.option("threads", "0").c_str());
  for (const std::string& mapping : parsed.all("gateway-port")) {
    auto equals = mapping.find('=');
    engine::ListenAddress local;
    if (equals == std::string::npos || !engine::ListenAddress::parse(mapping.substr(equals + 1), local)) {
      parsed.error = "--gateway-port expects GATEWAYPORT=LOCALPORT, got \"" + mapping + "\"";
      break;
    }
    options.gatewayPortOverrides[std::atoll(mapping.substr(0, equals).c_str())] = local.port;
  }
  const std::string accessLog = parsed.option("access-log", "stdout");
  if (parsed.error.empty() && accessLog != "stdout" && accessLog != "off")
    parsed.error = "--access-log must be stdout or off";
  if (!parsed.error.empty()) {
    err << "meshstudio-cli serve: " << parsed.error << "\n";
    return kUsage;
  }
  // Signals are taken synchronously by this thread only; the I/O threads inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  options.accessLogBacklog = accessLog == "off" ? 0 : options.accessLogBacklog;
  engine::ConfigSource source(CliArguments::paths(parsed.positional));
  auto snapshot = Input::loadOrReport(source, "serve", err);
  if (!snapshot) return kUsage;
  std::string fingerprint = source.fingerprint();
  engine::Engine engine(options);
  engine.load(snapshot);
  if (accessLog == "stdout")
    engine.accessLog().subscribe([&](const engine::AccessLogEntry&, const std::string& line) {
      out << line << '\n';
      out.flush();
    });
  std::string error;
  if (!engine.start(error)) {
    err << "meshstudio-cli serve: " << error << "\n";
    return kUsage;
  }
  const auto& settings = snapshot->settings;
  err << "mesh listener   " << options.meshOverride.value_or(settings.mesh).host << ":" << engine.meshPort() << "\n";
  for (const engine::GatewayListener& gateway : snapshot->gateways)
    err << "gateway port " << gateway.gatewayPort << " " << settings.gatewayAddress << ":"
        << engine.gatewayPort(gateway.gatewayPort) << (gateway.tls ? " (TLS)" : "") << "\n";
  err << "admin           " << options.adminOverride.value_or(settings.admin).host << ":" << engine.adminPort() << "\n";
  err.flush();

  // Wait for a signal, looking for changed files twice a second; reloads compile here, off the I/O threads.
  for (;;) {
    timespec wait{0, 500'000'000};
    siginfo_t info;
    if (sigtimedwait(&signals, &info, &wait) > 0) break;
    std::string now = source.fingerprint();
    if (now == fingerprint) continue;
    fingerprint = now;
    engine::LoadedConfig loaded = source.load();
    for (const model::Diagnostic& d : loaded.diagnostics) err << model::formatDiagnostic(d) << "\n";
    if (loaded.unreadable) {
      err << "reload skipped: some input could not be read; still serving version " << engine.snapshot()->version
          << "\n";
      continue;
    }
    for (const std::string& problem : loaded.snapshot->problems) err << "warning: " << problem << "\n";
    std::string reloadError;
    engine.load(loaded.snapshot, &reloadError);
    err << "reloaded: configuration version " << loaded.snapshot->version << " (" << loaded.resourceCount
        << " resources)" << (reloadError.empty() ? "" : "; " + reloadError) << "\n";
    err.flush();
  }
  err << "stopping\n";
  engine.stop();
  return kOk;
}

}  // namespace meshstudio::app
