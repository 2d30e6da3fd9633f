#pragma once

// Typed view of networking.istio.io ServiceEntry
// (https://istio.io/latest/docs/reference/config/networking/service-entry/).

#include "model/Gateway.h"

namespace meshstudio::model {

struct WorkloadEntrySpec {
  Opt<std::string> address;
  OrderedMap<Int> ports;
  StringMap labels;
  Opt<std::string> network, locality;
  Opt<Int> weight;
  Opt<std::string> serviceAccount;
  Extras extras;
  static constexpr auto fields() {
    using M = WorkloadEntrySpec;
    return std::make_tuple(field("address", &M::address), field("ports", &M::ports), field("labels", &M::labels),
                           field("network", &M::network), field("locality", &M::locality), field("weight", &M::weight),
                           field("serviceAccount", &M::serviceAccount));
  }
};

struct ServiceEntrySpec {
  List<std::string> hosts, addresses;
  List<ServerPort> ports;
  Opt<std::string> location, resolution;
  List<WorkloadEntrySpec> endpoints;
  Opt<Value> workloadSelector;
  List<std::string> exportTo, subjectAltNames;
  Extras extras;
  static constexpr auto fields() {
    using M = ServiceEntrySpec;
    return std::make_tuple(field("hosts", &M::hosts), field("addresses", &M::addresses), field("ports", &M::ports),
                           field("location", &M::location), field("resolution", &M::resolution),
                           field("endpoints", &M::endpoints), field("workloadSelector", &M::workloadSelector),
                           field("exportTo", &M::exportTo), field("subjectAltNames", &M::subjectAltNames));
  }
};

}  // namespace meshstudio::model
