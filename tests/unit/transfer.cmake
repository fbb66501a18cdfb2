# core/transfer: safe file names, checksums, speed, the transfer table, the file worker.
foreach(name FileName Sha256 SpeedMeter TransferStore TransferIo)
    peerlink_add_test(tst_${name} SOURCES tst_${name}.cpp LABEL unit NO_GLIB_TWIN)
endforeach()
