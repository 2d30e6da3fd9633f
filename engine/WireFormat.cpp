#include "engine/WireFormat.h"

namespace meshstudio::engine {
namespace {

void appendVersion(unsigned version, std::string& out) {
  out += "HTTP/";
  out += static_cast<char>('0' + version / 10);
  out += '.';
  out += static_cast<char>('0' + version % 10);
}

template <class Fields>
void appendFields(const Fields& fields, std::string& out) {
  for (const auto& field : fields) {
    out += field.name_string();
    out += ": ";
    out += field.value();
    out += "\r\n";
  }
  out += "\r\n";
}

}  // namespace

void removeHopByHopFields(Fields& fields) {
  for (auto field = fields.begin(); field != fields.end();) {
    switch (field->name()) {
      case http::field::connection:
      case http::field::proxy_connection:
      case http::field::keep_alive:
      case http::field::te:
      case http::field::transfer_encoding:
      case http::field::upgrade:
        field = fields.erase(field);
        break;
      default:
        ++field;
    }
  }
}

void writeHead(const Request& message, std::string& out) {
  out.clear();
  out += message.method_string();
  out += ' ';
  out += message.target();
  out += ' ';
  appendVersion(message.version(), out);
  out += "\r\n";
  appendFields(message.base(), out);
}

void writeHead(const Response& message, std::string& out) {
  out.clear();
  appendVersion(message.version(), out);
  out += ' ';
  out += std::to_string(message.result_int());
  out += ' ';
  out += message.reason();
  out += "\r\n";
  appendFields(message.base(), out);
}

}  // namespace meshstudio::engine
