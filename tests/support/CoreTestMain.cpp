// GoogleTest entry point for tests that need a Qt event loop but no GUI. --tessera-engine=postgresql (which ctest
// passes to the PostgreSQL pass of the store tests) runs every test's store on PostgreSQL (see TestStore).
#include <QCoreApplication>

#include <gtest/gtest.h>

#include <cstring>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--tessera-engine=postgresql") == 0) {
            qputenv("TESSERA_TEST_ENGINE", "postgresql");
        } else if (std::strcmp(argv[i], "--tessera-engine=sqlite") == 0) {
            qunsetenv("TESSERA_TEST_ENGINE");
        }
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("TesseraTests"));
    return RUN_ALL_TESTS();
}
