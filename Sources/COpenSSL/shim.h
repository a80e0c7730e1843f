#ifndef TOCSIN_COPENSSL_SHIM_H
#define TOCSIN_COPENSSL_SHIM_H

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

/* SSL_set_tlsext_host_name and SSL_CTX_set_mode are macros over SSL_ctrl / SSL_CTX_ctrl, which Swift cannot
   call: these wrappers set the SNI name and let SSL_write return after a partial write with a buffer that may
   move between retries (Swift arrays do). */
static inline int copenssl_set_server_name_indication(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

static inline void copenssl_allow_partial_moving_writes(SSL_CTX *context) {
    SSL_CTX_set_mode(context, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}

#endif
