#include "providers/HttpJson.h"

#include "logging/Logging.h"

#include "providers/HttpErrors.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <memory>

namespace Tessera::Core {

QNetworkRequest makeJsonRequest(const QUrl& url, const QString& correlationId, qint64 idleTimeoutMs) {
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Tessera/" TESSERA_VERSION));
    request.setRawHeader("X-Client-Request-Id", correlationId.toLatin1());
    request.setTransferTimeout(int(std::clamp<qint64>(idleTimeoutMs, 0, INT_MAX)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    return request;
}

void getJsonObject(QNetworkAccessManager& network, const QNetworkRequest& request, QObject* context,
                   const QString& correlationId, std::function<void(Result<QJsonObject>)> done) {
    readJsonObject(network.get(request), context, correlationId, std::move(done));
}

void readJsonObject(QNetworkReply* reply, QObject* context, const QString& correlationId,
                    std::function<void(Result<QJsonObject>)> done) {
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    // Qt buffers the whole body; stop a response that grows past the limit instead of holding it.
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > maxResponseBytes) {
            reply->setProperty("tesseraTooLarge", true);
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, correlationId, done = std::move(done)] {
        if (reply->property("tesseraTooLarge").toBool()) {
            done(fail(ErrorCode::ResponseTooLarge, QStringLiteral("response exceeds %1 bytes").arg(maxResponseBytes),
                      correlationId));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->read(maxResponseBytes);
        if (status >= 400) {
            Error error = errorFromHttpResponse(status, body, correlationId);
            if (auto after = retryAfterMs(*reply)) {
                error.retryAfterMs = after;
            }
            done(fail(error));
            return;
        }
        if (status == 0 || reply->error() != QNetworkReply::NoError) {
            Error error = errorFromNetworkError(reply->error(), reply->errorString(), correlationId);
            if (reply->error() == QNetworkReply::OperationCanceledError) {
                error.code = ErrorCode::Timeout; // the transfer timeout
            }
            done(fail(error));
            return;
        }
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (!doc.isObject()) {
            done(fail(ErrorCode::InvalidResponse,
                      QStringLiteral("response is not a JSON object: %1").arg(parseError.errorString()),
                      correlationId));
            return;
        }
        done(doc.object());
    });
}

QString trimmedBaseUrl(QString url) {
    while (url.endsWith(QLatin1Char('/'))) {
        url.chop(1);
    }
    return url;
}

QStringList sortedModelIds(QStringList ids) {
    ids.removeAll(QString());
    ids.sort(Qt::CaseInsensitive);
    ids.removeDuplicates();
    return ids;
}

namespace {

void getModelPage(QNetworkAccessManager& network, QObject* context, const QString& correlationId,
                  const QString& providerName, std::shared_ptr<const ModelPaging> paging, const QString& cursor,
                  QStringList collected, int page, std::function<void(Result<QStringList>)> done) {
    const QNetworkRequest request = paging->pageRequest(cursor);
    log("providers")->info("cid={} provider={} GET {}", correlationId, providerName, request.url().toString());
    getJsonObject(network, request, context, correlationId,
                  [&network, context, correlationId, providerName, paging, collected, page,
                   done = std::move(done)](Result<QJsonObject> object) mutable {
                      if (!object) {
                          done(fail(object.error()));
                          return;
                      }
                      auto next = paging->readPage(*object, collected);
                      if (!next) {
                          Error error = next.error();
                          error.correlationId = correlationId;
                          done(fail(error));
                          return;
                      }
                      if (!next->isEmpty() && page + 1 < paging->maxPages) {
                          getModelPage(network, context, correlationId, providerName, paging, *next,
                                       std::move(collected), page + 1, std::move(done));
                          return;
                      }
                      done(sortedModelIds(collected));
                  });
}

} // namespace

void getModelPages(QNetworkAccessManager& network, QObject* context, const QString& correlationId,
                   const QString& providerName, ModelPaging paging, std::function<void(Result<QStringList>)> done) {
    getModelPage(network, context, correlationId, providerName, std::make_shared<const ModelPaging>(std::move(paging)),
                 QString(), {}, 0, std::move(done));
}

} // namespace Tessera::Core
