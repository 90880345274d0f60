#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QNetworkRequest>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QObject;

namespace Tessera::Core {

// A request for a JSON API: content type, user agent, the correlation id as X-Client-Request-Id, the idle
// (transfer) timeout, and redirects only within the same origin so a key is never sent to another host.
QNetworkRequest makeJsonRequest(const QUrl& url, const QString& correlationId, qint64 idleTimeoutMs);

// GETs a JSON object, bounded to maxResponseBytes, mapping HTTP and transport failures to typed errors. done runs
// on context's thread and only while context is alive. Used for model lists.
void getJsonObject(QNetworkAccessManager& network, const QNetworkRequest& request, QObject* context,
                   const QString& correlationId, std::function<void(Result<QJsonObject>)> done);
// The same for a request already sent (a POST): reads the reply's JSON object when it finishes.
void readJsonObject(QNetworkReply* reply, QObject* context, const QString& correlationId,
                    std::function<void(Result<QJsonObject>)> done);

// A model list served in pages: pageRequest builds the request for a page (cursor "" for the first), and
// readPage adds the page's model ids and returns the next cursor ("" when it was the last page) or an error.
// Follows at most maxPages pages, logs each GET, and hands done the sorted ids.
struct ModelPaging {
    std::function<QNetworkRequest(const QString& cursor)> pageRequest;
    std::function<Result<QString>(const QJsonObject& page, QStringList& ids)> readPage;
    int maxPages = 20;
};
void getModelPages(QNetworkAccessManager& network, QObject* context, const QString& correlationId,
                   const QString& providerName, ModelPaging paging, std::function<void(Result<QStringList>)> done);

// The base URL without trailing slashes, so paths can be appended.
QString trimmedBaseUrl(QString url);

// Sorted, without duplicates: the form every provider's model list is returned in.
QStringList sortedModelIds(QStringList ids);

} // namespace Tessera::Core
