#ifndef ENQUIRY_BOT_SHIMS_H
#define ENQUIRY_BOT_SHIMS_H
/* Small C helpers for what Swift's Glibc module does not expose cleanly (peer credentials). */
#endif
