/* `struct ucred` is only declared with _GNU_SOURCE, which Swift's Glibc import does not set. */
#define _GNU_SOURCE
#include <stddef.h>
#include <sys/socket.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include "shims.h"

int enquiry_peer_uid(int fd, uid_t *uid) {
    struct ucred cred;
    socklen_t len = sizeof(cred);
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) {
        return -1;
    }
    *uid = cred.uid;
    return 0;
}

int enquiry_accept_nonblocking(int fd) {
    return accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int enquiry_release_free_heap(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}
