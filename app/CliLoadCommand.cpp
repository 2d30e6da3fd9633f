#include "app/CliLoadCommand.h"

#include <signal.h>
#include <time.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <type_traits>

#include "app/CliArguments.h"
#include "app/CliEngineInput.h"
#include "engine/DestinationCounter.h"
#include "engine/Engine.h"
#include "engine/LoadGenerator.h"
#include "engine/LoadReport.h"

namespace meshstudio::app {
namespace {

constexpr int kOk = 0, kNoConnection = 1, kUsage = 2;

const std::vector<std::string> kValueOptions = {"connections", "qps",     "requests",  "duration", "method",
                                                "header",      "body",    "body-file", "timeout",  "threads",
                                                "resolution",  "gateway", "admin"};
const std::map<std::string, std::string> kAliases = {{"c", "connections"}, {"qps", "qps"},  {"n", "requests"},
                                                     {"t", "duration"},    {"X", "method"}, {"H", "header"},
                                                     {"r", "resolution"}};

template <typename Number>
bool parseNumber(const std::string& text, Number& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

/// Fills `options` from the parsed command line, except the target; empty or what is wrong.
std::string readOptions(const CliArguments& parsed, engine::LoadOptions& options) {
  if (!parseNumber(parsed.option("connections", "4"), options.connections)) return "-c expects a number";
  if (!parseNumber(parsed.option("qps", "8"), options.qps)) return "-qps expects a rate (0: as fast as possible)";
  if (!parseNumber(parsed.option("threads", "1"), options.threads)) return "--threads expects a number";
  const std::string requests = parsed.option("requests", "");
  if (!requests.empty() && (!parseNumber(requests, options.requests) || options.requests == 0))
    return "-n expects a positive number of requests";
  const std::string duration = parsed.option("duration", "");
  if (!requests.empty() && !duration.empty()) return "give -n or -t, not both";
  auto durationOption = [&](const char* name, const char* flag, const std::string& fallback, auto& target) {
    auto value = engine::parseLoadDuration(parsed.option(name, fallback));
    if (!value || value->count() <= 0)
      return std::string(flag) + " expects a duration such as 5s, 500ms or 1m, got \"" + parsed.option(name, "") + "\"";
    target = std::chrono::duration_cast<std::remove_reference_t<decltype(target)>>(*value);
    return std::string();
  };
  for (std::string error : {durationOption("duration", "-t", "5s", options.duration),
                            durationOption("timeout", "--timeout", "30s", options.timeout),
                            durationOption("resolution", "-r", "1ms", options.resolution)})
    if (!error.empty()) return error;
  options.method = parsed.option("method", "GET");
  std::string error;
  options.headers = CliEngineInput::parseHeaders(parsed.all("header"), error);
  if (!error.empty()) return error;
  const std::string bodyFile = parsed.option("body-file", "");
  if (!bodyFile.empty() && !parsed.option("body", "").empty()) return "give --body or --body-file, not both";
  options.body = parsed.option("body", "");
  if (!bodyFile.empty()) {
    std::ifstream in(bodyFile, std::ios::binary);
    if (!in) return "cannot read --body-file " + bodyFile;
    std::ostringstream content;
    content << in.rdbuf();
    options.body = content.str();
  }
  return options.validate();
}

/// Runs the generator; SIGINT/SIGTERM stop it early and the partial result is still printed,
/// as fortio does on ^C.
engine::LoadResult runInterruptibly(engine::LoadOptions options, std::ostream& err, bool quiet) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts: they inherit the mask
  if (!quiet)
    options.onProgress = [&err](const engine::LoadProgress& progress) {
      if (progress.finished) return;
      err << engine::LoadReport::progressLine(progress);
      err.flush();
    };
  engine::LoadGenerator generator(std::move(options));
  std::string error;
  if (!generator.start(error)) return generator.wait();
  while (!generator.finished()) {
    timespec wait{0, 100'000'000};
    siginfo_t info;
    if (sigtimedwait(&signals, &info, &wait) > 0) {
      err << "interrupted: stopping\n";
      generator.stop();
    }
  }
  return generator.wait();
}

}  // namespace

int CliLoadCommand::run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CliArguments parsed = CliArguments::parse(arguments, kValueOptions, 1, kAliases, {"json", "quiet"});
  const bool json = parsed.has("json"), quiet = parsed.has("quiet");
  if (parsed.error == "no PATH given") parsed.error = "no URL given";
  engine::LoadOptions options;
  std::string error = parsed.error;
  if (error.empty())
    error = [&] {
      std::string urlError;
      if (!engine::LoadTarget::fromUrl(parsed.positional.back(), options.target, urlError)) return urlError;
      return readOptions(parsed, options);
    }();
  const bool withProject = parsed.positional.size() > 1;
  const std::string gateway = parsed.option("gateway", ""), admin = parsed.option("admin", "");
  std::int64_t gatewayPort = 0;
  engine::ListenAddress adminAddress;
  if (error.empty() && !gateway.empty() && (!withProject || !parseNumber(gateway, gatewayPort)))
    error = withProject ? "--gateway expects a Gateway server port such as 80" : "--gateway needs a PROJECT";
  if (error.empty() && !admin.empty() && (withProject || !engine::ListenAddress::parse(admin, adminAddress)))
    error = withProject ? "--admin is for a target outside this process; with a PROJECT the counts come from it"
                        : "--admin expects ADDR:PORT, got \"" + admin + "\"";
  if (!error.empty()) {
    err << "meshstudio-cli load: " << error << "\n";
    return kUsage;
  }
  const std::string url = parsed.positional.back();

  std::unique_ptr<engine::Engine> engine;
  if (withProject) {
    engine::ConfigSource source(CliArguments::paths({parsed.positional.begin(), parsed.positional.end() - 1}));
    auto snapshot = CliEngineInput::loadOrReport(source, "load", err);
    if (!snapshot) return kUsage;
    // Every listener on a free loopback port, so a `serve` on the usual ports is no obstacle.
    engine::EngineOptions engineOptions;
    engineOptions.threads = 1;  // the generator needs a core too
    engineOptions.meshOverride = engine::ListenAddress{"127.0.0.1", 0};
    engineOptions.adminOverride = engine::ListenAddress{"127.0.0.1", 0};
    for (const engine::GatewayListener& listener : snapshot->gateways)
      engineOptions.gatewayPortOverrides[listener.gatewayPort] = 0;
    engineOptions.accessLogBacklog = 0;
    engine = std::make_unique<engine::Engine>(engineOptions);
    engine->load(snapshot);
    if (!engine->start(error)) {
      err << "meshstudio-cli load: the engine did not start: " << error << "\n";
      return kUsage;
    }
    const std::uint16_t port = gatewayPort ? engine->gatewayPort(gatewayPort) : engine->meshPort();
    if (port == 0) {
      err << "meshstudio-cli load: the project has no Gateway server on port " << gatewayPort << "\n";
      return kUsage;
    }
    options.target.dialHost = "127.0.0.1";
    options.target.dialPort = port;
    options.readDestinations = engine::DestinationCounter::reader(*engine);
  } else if (!admin.empty()) {
    options.readDestinations = engine::DestinationCounter::reader(adminAddress.host, adminAddress.port);
  }

  (json ? err : out) << engine::LoadReport::header(options, url);
  if (json) err.flush();
  const engine::LoadResult result = runInterruptibly(options, err, quiet);
  if (engine) engine->stop();
  if (json)
    out << engine::LoadReport::json(result, options, url);
  else
    out << engine::LoadReport::text(result);
  out.flush();
  if (result.couldNotConnect()) {
    err << "meshstudio-cli load: no connection to " << options.target.dialHost << ":" << options.target.dialPort
        << " could be made" << (result.error.empty() ? "" : " (" + result.error + ")") << "\n";
    return kNoConnection;
  }
  return kOk;
}

}  // namespace meshstudio::app
