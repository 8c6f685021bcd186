# e6_warnings: the project's warning policy as an INTERFACE target. Every target
# written here links it; generated code (protobuf, gRPC, Thrift) does not.
add_library(e6_warnings INTERFACE)
target_compile_options(e6_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Werror)
