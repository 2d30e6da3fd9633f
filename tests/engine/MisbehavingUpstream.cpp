// A real local process that serves HTTP/1.1 badly, for tst_badupstreams: the engine reaches it
// through `meshstudio.dev/upstream`. It listens on a free loopback port, prints the port, then
// prints `accepted` for every connection and `request` for every request it reads, so the test
// can tell how the engine used it.
//
//   MisbehavingUpstream MODE
//     healthy     answers 200 and keeps the connection
//     reset       sends the start of an answer, then resets the connection (RST)
//     hang        reads the request and never answers
//     stale       answers the first request on a connection and keeps it open; closes the
//                 connection, unanswered, when the next request arrives on it
//     garbage     answers with bytes that are not HTTP
//     bad-length  answers with a Content-Length that is not a number
//     short-body  announces 100 bytes of body, sends 10 and closes

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace {

std::mutex outputMutex;

void say(const char* line) {
  std::lock_guard lock(outputMutex);
  std::printf("%s\n", line);
  std::fflush(stdout);
}

/// Reads one request's header block (the engine sends these requests without a body); false when
/// the connection ended first.
bool readRequest(int fd, std::string& pending) {
  char chunk[4096];
  while (pending.find("\r\n\r\n") == std::string::npos) {
    const ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got <= 0) return false;
    pending.append(chunk, static_cast<std::size_t>(got));
  }
  pending.erase(0, pending.find("\r\n\r\n") + 4);
  say("request");
  return true;
}

void writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t put = ::write(fd, bytes.data(), bytes.size());
    if (put <= 0) return;
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
}

void resetConnection(int fd) {
  linger hard{1, 0};  // close() with a zero linger time sends RST instead of FIN
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
  ::close(fd);
}

void serve(int fd, std::string_view mode) {
  constexpr std::string_view ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
  std::string pending;
  int served = 0;
  while (readRequest(fd, pending)) {
    if (mode == "healthy") {
      writeAll(fd, ok);
    } else if (mode == "reset") {
      writeAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial");
      return resetConnection(fd);
    } else if (mode == "hang") {
      continue;  // reads on, answers nothing, until the engine gives up and closes
    } else if (mode == "stale") {
      if (served > 0) break;  // the next request meets a connection that is going away
      writeAll(fd, ok);
    } else if (mode == "garbage") {
      writeAll(fd, "SSH-2.0-OpenSSH_9.2\r\nthis is not HTTP\r\n\r\n");
      break;
    } else if (mode == "bad-length") {
      writeAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n0123456789");
      break;
    } else if (mode == "short-body") {
      writeAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
      break;
    }
    ++served;
  }
  ::close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s healthy|reset|hang|stale|garbage|bad-length|short-body\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(listener, reinterpret_cast<sockaddr*>(&address), length) != 0 || ::listen(listener, 128) != 0 ||
      ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    std::perror("listen");
    return 1;
  }
  std::printf("%d\n", ntohs(address.sin_port));
  std::fflush(stdout);
  for (;;) {
    const int fd = ::accept(listener, nullptr, nullptr);
    if (fd < 0) continue;
    say("accepted");
    std::thread([fd, mode] { serve(fd, mode); }).detach();
  }
}
