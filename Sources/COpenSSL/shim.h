#ifndef TOCSIN_COPENSSL_SHIM_H
#define TOCSIN_COPENSSL_SHIM_H

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

/* SSL_set_tlsext_host_name and SSL_CTX_set_mode are macros over SSL_ctrl / SSL_CTX_ctrl, and the SSL_OP_ and
   SSL_MODE_ values are macros too, which Swift cannot use: these wrappers set the SNI name and configure a
   client context. */
static inline int copenssl_set_server_name_indication(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

/* SSL_write may return after a partial write, with a buffer that moves between retries (Swift arrays do); a
   peer closing the TCP connection without close_notify ends the stream as Go's client treats it, and the HTTP
   response parser decides whether the response was complete. */
static inline void copenssl_configure_client_context(SSL_CTX *context) {
    SSL_CTX_set_mode(context, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_options(context, SSL_OP_IGNORE_UNEXPECTED_EOF);
}

#endif
