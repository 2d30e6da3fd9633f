#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "app/CliCommands.h"

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  // https://no-color.org: colours only on a terminal, and never when NO_COLOR is set.
  bool colour = ::isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  return meshstudio::app::CliCommands::run(arguments, std::cout, std::cerr, colour);
}
