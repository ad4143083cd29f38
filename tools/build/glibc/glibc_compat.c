/*
 * Binds the libm functions whose default symbol version is newer than glibc 2.17 (glibc 2.27 gave
 * expf/exp2f/logf/log2f/powf new versions, 2.29 exp/exp2/log/log2/pow) to their original version,
 * so a module linked against the glibc 2.31 sysroot still loads on glibc 2.17-2.28.
 * Linked with -Wl,--wrap=NAME for each NAME in GlibcCompatWrap (PortableGlibc.targets): calls to NAME
 * go to __wrap_NAME, which calls NAME@<base version>. On newer glibc the old version wraps the same
 * implementation (adding only the obsolete SVID error hook), so results do not change.
 * When tools/build/check-glibc.sh names another function, add it here and to GlibcCompatWrap.
 */
#if defined(__x86_64__)
#define GLIBC_BASE "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define GLIBC_BASE "GLIBC_2.17"
#else
#error "glibc_compat.c: add this architecture's base glibc symbol version"
#endif

#define OLD_VERSION(name) __asm__(".symver " #name ", " #name "@" GLIBC_BASE)
#define WRAP1(type, name) \
    type name(type); OLD_VERSION(name); \
    type __wrap_##name(type x) { return name(x); }
#define WRAP2(type, name) \
    type name(type, type); OLD_VERSION(name); \
    type __wrap_##name(type x, type y) { return name(x, y); }

WRAP1(double, exp)
WRAP1(double, exp2)
WRAP1(double, log)
WRAP1(double, log2)
WRAP2(double, pow)
WRAP1(float, expf)
WRAP1(float, exp2f)
WRAP1(float, logf)
WRAP1(float, log2f)
WRAP2(float, powf)
