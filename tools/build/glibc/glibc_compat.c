/*
 * Binds libm functions whose default symbol version is newer than glibc 2.17 to their older
 * version, so a module linked against the glibc 2.31 sysroot still loads on glibc 2.17-2.28.
 * Linked with -Wl,--wrap=<name> (PortableGlibc.targets): every call to log goes to __wrap_log.
 * On glibc 2.29+ the old log version wraps the same implementation (it only adds the obsolete
 * SVID error hook), so results do not change; older glibc simply has no newer version to bind.
 * Add a function here (and to GlibcCompatWrap) when tools/build/check-glibc.sh names a new one.
 */
#if defined(__x86_64__)
#define GLIBC_BASE "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define GLIBC_BASE "GLIBC_2.17"
#else
#error "glibc_compat.c: add this architecture's base glibc symbol version"
#endif

double log(double x);
__asm__(".symver log, log@" GLIBC_BASE);

double __wrap_log(double x) { return log(x); }
