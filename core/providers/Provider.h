#pragma once

#include "common/Result.h"
#include "providers/ChatRequest.h"

#include <QStringList>

#include <functional>

class QObject;

namespace Tessera::Core {

class ProviderReply;

// A model provider speaking one wire protocol. Implementations are asynchronous and never block.
class Provider {
public:
    using ModelsCallback = std::function<void(Result<QStringList>)>;

    virtual ~Provider() = default;

    // Starts a chat request. The caller owns the reply (delete it or deleteLater after finished); the
    // provider must outlive it.
    virtual ProviderReply* chat(const ChatRequest& request) = 0;
    // Lists model ids. done runs on context's thread and only while context is alive.
    virtual void listModels(QObject* context, const QString& correlationId, ModelsCallback done) = 0;
};

} // namespace Tessera::Core
