#include <iostream>
#include <string>
#include <vector>

#include "app/CliCommands.h"

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  return meshstudio::app::CliCommands::run(arguments, std::cout, std::cerr);
}
