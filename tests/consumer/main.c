/* main.c - a program built against an installed libacd (tests/consumer). */
#include <acd.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    acd_center *c = NULL;
    acd_status st;
    const char *v = acd_version_string();

    /* The header and the library loaded must be the same release. */
    if (acd_version() != ACD_VERSION_NUMBER || strcmp(v, ACD_VERSION_STRING) != 0) {
        fprintf(stderr, "header %s but library %s\n", ACD_VERSION_STRING, v);
        return 1;
    }
    st = acd_center_new(NULL, &c);
    if (st != ACD_OK || c == NULL) {
        fprintf(stderr, "acd_center_new: %s\n", acd_strerror(st));
        return 1;
    }
    acd_center_destroy(c);
    acd_center_destroy(NULL);
    printf("libacd %s: %s\n", v, acd_strerror(ACD_OK));
    return 0;
}
