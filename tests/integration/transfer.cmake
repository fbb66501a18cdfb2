# core/transfer end to end on the local prosody: concurrent transfers both ways (1 GiB), accept,
# decline, rules, folders, pause/resume/cancel, resume after a broken session, hostile peers, a
# full disk (tmpfs, as root); and a receiver process killed mid-transfer and started again.
peerlink_add_test(tst_TransferService SOURCES tst_TransferService.cpp LABEL integration TIMEOUT 900 NO_GLIB_TWIN)

# transfer_peer: a receiving device in a process of its own, killed and started again by the test.
add_executable(transfer_peer transfer_peer.cpp)
target_link_libraries(transfer_peer PRIVATE peerlink_core)
peerlink_add_test(tst_TransferRestart SOURCES tst_TransferRestart.cpp LABEL integration TIMEOUT 600 NO_GLIB_TWIN)
target_compile_definitions(tst_TransferRestart PRIVATE TRANSFER_PEER_PATH="$<TARGET_FILE:transfer_peer>")
add_dependencies(tst_TransferRestart transfer_peer)

