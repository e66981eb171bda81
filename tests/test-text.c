#include <stdio.h>
int main(void){puts("1..0 # SKIP todo");return 0;}
