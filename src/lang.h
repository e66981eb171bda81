/* lang.h: the languages iclei-tui knows, their names and aliases. */
#ifndef ICLEI_LANG_H
#define ICLEI_LANG_H

/* In the order of the site's switcher: EN | KR | JP | CN. */
enum lang { LANG_EN, LANG_KO, LANG_JA, LANG_ZH, LANG_COUNT };

/* ISO 639-1 code used for bundle files ("ko" -> data/ko.yaml). */
const char *lang_code(enum lang l);

/* Name of the message catalogue directory (gettext's LANGUAGE needs it
 * exactly: "zh_CN", not "zh"). */
const char *lang_catalog(enum lang l);

/* "en", "KO", "kr", "jp", "cn", "ko_KR.UTF-8", "zh_SG", "ja_JP@x": the
 * language, or -1 when it is none of ours. */
int lang_parse(const char *s);

/* lang_parse(s) when s names one of ours, else fallback. */
enum lang lang_parse_or(const char *s, enum lang fallback);

/* The starting language from LANGUAGE, then LC_ALL, LC_MESSAGES, LANG;
 * LANG_EN when they name none of ours. */
enum lang lang_from_env(void);

#endif
