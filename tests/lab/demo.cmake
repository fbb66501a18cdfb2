# ./dev demo (tools/demo/demo.sh) as a test: the headless story in a lab of its own (a direct
# path between two NATed hosts, messages both ways, a 50 MB file, pictures of both windows), the
# message without a display, and Ctrl-C during the windowed demo under Xvfb; nothing may be left
# behind. Needs root, like every lab test; the demo builds its own lab, so it runs directly.
add_executable(tst_Demo tst_Demo.cpp)
target_link_libraries(tst_Demo PRIVATE Qt6::Test Qt6::Gui)
add_dependencies(tst_Demo peerlink peerlink-cli peerlink-labprobe)
add_test(NAME tst_Demo COMMAND tst_Demo)
set_tests_properties(tst_Demo PROPERTIES LABELS lab TIMEOUT 300 RUN_SERIAL TRUE
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PEERLINK_DEMO_SCRIPT=${PROJECT_SOURCE_DIR}/tools/demo/demo.sh;PEERLINK_DEMO_BUILD=${CMAKE_BINARY_DIR}")
