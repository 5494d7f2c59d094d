#ifndef ENQUIRY_BOT_SHIMS_H
#define ENQUIRY_BOT_SHIMS_H
/* Small C helpers for what Swift's Glibc module does not expose cleanly (peer credentials). */

#include <sys/types.h>

/* The uid of the process at the other end of a connected Unix socket, fixed at connect time
   (SO_PEERCRED). Returns 0 and sets *uid on success, -1 with errno set on failure. */
int enquiry_peer_uid(int fd, uid_t *uid);

/* accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC): the accepted socket is non-blocking
   and close-on-exec from the start. Returns the new fd, or -1 with errno set. */
int enquiry_accept_nonblocking(int fd);

/* Hands free heap pages back to the kernel (glibc malloc_trim(0); elsewhere nothing). Building the
   knowledge base frees most of what it allocates, but glibc keeps those pages, so without this the
   daemon's RSS stays at the build's peak. Returns 1 if memory was released. */
int enquiry_release_free_heap(void);

#endif
