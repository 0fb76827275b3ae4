/*
 * harness.h - the in-tree test harness: a test file defines TEST(name)
 * functions, lists them in main() with RUN(name), and returns DONE().
 *
 *   TEST(login_makes_agent_available) {
 *       ...
 *       CHECK_EQ_INT(info.state, ACD_AGENT_AVAILABLE);
 *   }
 *   int main(void) { RUN(login_makes_agent_available); return DONE(); }
 *
 * A failed CHECK prints file:line and the values, marks the test failed and
 * returns from the test function.  DONE() prints "N passed, N failed".
 */
#ifndef ACD_TEST_HARNESS_H
#define ACD_TEST_HARNESS_H

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int harness_failed_checks;
static int harness_tests_passed;
static int harness_tests_failed;

#define TEST(name) static void test_##name(void)

#define RUN(name)                                                  \
    do {                                                           \
        int before_ = harness_failed_checks;                       \
        test_##name();                                             \
        if (harness_failed_checks == before_) {                    \
            harness_tests_passed++;                                \
        } else {                                                   \
            harness_tests_failed++;                                \
            fprintf(stderr, "FAILED: %s\n", #name);                \
        }                                                          \
    } while (0)

#define DONE()                                                     \
    (printf("%d passed, %d failed\n", harness_tests_passed,        \
            harness_tests_failed),                                 \
     harness_tests_failed ? 1 : 0)

#define HARNESS_FAIL_(fmt, ...)                                    \
    do {                                                           \
        fprintf(stderr, "%s:%d: " fmt "\n", __FILE__, __LINE__,    \
                __VA_ARGS__);                                      \
        harness_failed_checks++;                                   \
        return;                                                    \
    } while (0)

#define CHECK(cond)                                                \
    do {                                                           \
        if (!(cond))                                               \
            HARNESS_FAIL_("CHECK(%s) failed", #cond);              \
    } while (0)

#define CHECK_EQ_INT(a, b)                                         \
    do {                                                           \
        long long a_ = (long long)(a), b_ = (long long)(b);        \
        if (a_ != b_)                                              \
            HARNESS_FAIL_("%s == %s failed: %lld != %lld", #a, #b, \
                          a_, b_);                                 \
    } while (0)

#define CHECK_EQ_U64(a, b)                                         \
    do {                                                           \
        uint64_t a_ = (uint64_t)(a), b_ = (uint64_t)(b);           \
        if (a_ != b_)                                              \
            HARNESS_FAIL_("%s == %s failed: %" PRIu64 " != %" PRIu64, \
                          #a, #b, a_, b_);                         \
    } while (0)

#define CHECK_EQ_STR(a, b)                                         \
    do {                                                           \
        const char *a_ = (a), *b_ = (b);                           \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                     \
            HARNESS_FAIL_("%s == %s failed: \"%s\" != \"%s\"", #a, \
                          #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
    } while (0)

/* |a - b| <= tol */
#define CHECK_NEAR(a, b, tol)                                      \
    do {                                                           \
        double a_ = (double)(a), b_ = (double)(b);                 \
        if (!(fabs(a_ - b_) <= (double)(tol)))                     \
            HARNESS_FAIL_("%s ~= %s failed: %.12g != %.12g (tol %g)", \
                          #a, #b, a_, b_, (double)(tol));          \
    } while (0)

#endif
