#ifndef DELVE_CCHILDPROCESS_H
#define DELVE_CCHILDPROCESS_H

#include <sys/types.h>

/* Linux's pidfd_open(2): a descriptor that becomes readable when the process
   `pid` exits. Returns -1 with errno set (ENOSYS where the kernel or system
   has none, so that callers fall back to `delve_child_exited`). */
int delve_pidfd_open(pid_t pid);

/* Whether the child `pid` has exited (or was reaped already), without
   reaping it: waitid(2) with WNOWAIT. 1 when it has, 0 when it runs. */
int delve_child_exited(pid_t pid);

/* Makes this process the subreaper of its descendants (Linux's
   prctl(PR_SET_CHILD_SUBREAPER)): an orphaned descendant is reparented to it
   instead of to init, so it can still be found and killed. Returns 0, or -1
   with errno set (ENOSYS where the system has no subreapers). */
int delve_become_subreaper(void);

#endif
