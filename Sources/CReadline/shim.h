#ifndef DELVE_CREADLINE_SHIM_H
#define DELVE_CREADLINE_SHIM_H
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Readline's settings are C globals, which Swift 6 will not touch without
   marking every access unsafe; these helpers set them on the C side. */

/* Configures readline for Delve: names the application "delve" (for
   ~/.inputrc conditionals), makes the whole line one completion word (so
   "go f" + TAB completes to "go forward"), installs `complete` as the
   completion function, and lists the matches at the first TAB when several
   fit (so "turn" + TAB shows "turn left" and "turn right" at once, as
   "turn " + TAB does). */
static inline void delve_rl_configure(rl_completion_func_t *complete) {
    rl_readline_name = "delve";
    rl_variable_bind("show-all-if-ambiguous", "on");
    rl_completer_word_break_characters = "";
    rl_attempted_completion_function = complete;
}

/* Called from inside the completion function: never fall back to file name
   completion, and do not append a space after a unique match. */
static inline void delve_rl_completion_only_ours(void) {
    rl_attempted_completion_over = 1;
    rl_completion_suppress_append = 1;
}

#endif
