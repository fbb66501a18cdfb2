# core/storage: SQLite (through QtSql) schema, migrations and queries.
target_sources(peerlink_core PRIVATE
    storage/Database.cpp storage/Database.h
    storage/TrustStore.cpp storage/TrustStore.h)
target_link_libraries(peerlink_core PUBLIC Qt6::Sql)
