#include "model/KubernetesObjects.h"

namespace meshstudio::model {
namespace {

std::string textAt(const Value* value) {
  return value && value->isScalar() && !value->isNull() ? value->text() : std::string();
}

StringMap stringMapAt(const Value* value) {
  StringMap map;
  if (!value || !value->isMap()) return map;
  // Label values written unquoted as numbers (`version: 1`) are still label values.
  for (const Value::Entry& entry : value->entries())
    if (entry.value.isScalar()) map.emplace_back(entry.key, entry.value.text());
  return map;
}

std::vector<ContainerPort> containerPortsAt(const Value* podSpec) {
  std::vector<ContainerPort> ports;
  const Value* containers = podSpec ? podSpec->find("containers") : nullptr;
  if (!containers || !containers->isSeq()) return ports;
  for (const Value& container : containers->items()) {
    const Value* list = container.find("ports");
    if (!list || !list->isSeq()) continue;
    for (const Value& port : list->items()) {
      ContainerPort out;
      out.name = textAt(port.find("name"));
      if (const Value* number = port.find("containerPort")) out.containerPort = number->toInt().value_or(0);
      if (std::string protocol = textAt(port.find("protocol")); !protocol.empty()) out.protocol = protocol;
      ports.push_back(std::move(out));
    }
  }
  return ports;
}

PodShape podShapeAt(const Value* metadata, const Value* podSpec) {
  PodShape shape;
  if (metadata) {
    shape.labels = stringMapAt(metadata->find("labels"));
    shape.annotations = stringMapAt(metadata->find("annotations"));
  }
  shape.ports = containerPortsAt(podSpec);
  return shape;
}

}  // namespace

std::optional<ServiceObject> serviceOf(const Resource& resource) {
  if (resource.kind() != ResourceKind::Service) return std::nullopt;
  ServiceObject service;
  const Value* spec = resource.spec();
  if (!spec) return service;
  service.selector = stringMapAt(spec->find("selector"));
  if (const Value* ports = spec->find("ports"); ports && ports->isSeq()) {
    for (const Value& port : ports->items()) {
      ServicePort out;
      out.name = textAt(port.find("name"));
      if (const Value* number = port.find("port")) out.port = number->toInt().value_or(0);
      out.targetPort = textAt(port.find("targetPort"));
      if (std::string protocol = textAt(port.find("protocol")); !protocol.empty()) out.protocol = protocol;
      out.appProtocol = textAt(port.find("appProtocol"));
      service.ports.push_back(std::move(out));
    }
  }
  return service;
}

std::optional<DeploymentObject> deploymentOf(const Resource& resource) {
  if (resource.kind() != ResourceKind::Deployment) return std::nullopt;
  DeploymentObject deployment;
  const Value* spec = resource.spec();
  if (!spec) return deployment;
  if (const Value* replicas = spec->find("replicas"))
    deployment.replicas = replicas->toInt().value_or(deployment.replicas);
  deployment.matchLabels = stringMapAt(spec->at("selector.matchLabels"));
  deployment.pod = podShapeAt(spec->at("template.metadata"), spec->at("template.spec"));
  return deployment;
}

std::optional<PodShape> podOf(const Resource& resource) {
  if (resource.kind() != ResourceKind::Pod) return std::nullopt;
  return podShapeAt(resource.document().find("metadata"), resource.spec());
}

std::optional<TlsSecretObject> tlsSecretOf(const Resource& resource) {
  if (resource.kind() != ResourceKind::Secret) return std::nullopt;
  TlsSecretObject secret;
  secret.type = textAt(resource.document().find("type"));
  if (secret.type != "kubernetes.io/tls") return std::nullopt;
  for (const char* section : {"data", "stringData"}) {
    const Value* data = resource.document().find(section);
    if (!data) continue;
    secret.hasCertificate = secret.hasCertificate || data->find("tls.crt");
    secret.hasPrivateKey = secret.hasPrivateKey || data->find("tls.key");
    secret.hasCaCertificate = secret.hasCaCertificate || data->find("ca.crt");
  }
  return secret;
}

bool selectorMatches(const StringMap& selector, const StringMap& labels) {
  if (selector.empty()) return false;
  for (const auto& [key, value] : selector) {
    const std::string* actual = labels.find(key);
    if (!actual || *actual != value) return false;
  }
  return true;
}

}  // namespace meshstudio::model
