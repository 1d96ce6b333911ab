# Warnings for every target of this project (not for consumers).
set(CLAIMS_WARNING_FLAGS
  -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
  -Wformat=2 -Wundef -Wcast-qual -Wwrite-strings -Wvla -Wpointer-arith
  -Wold-style-definition -Wnull-dereference -Wdouble-promotion
  # error texts are fixed-size by design (claims_error.text): cutting a long
  # message short is intended, not a bug
  -Wno-format-truncation)
if(CLAIMS_WERROR)
  list(APPEND CLAIMS_WARNING_FLAGS -Werror)
endif()

set(CLAIMS_SANITIZE_FLAGS)
if(CLAIMS_SANITIZE)
  set(CLAIMS_SANITIZE_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all
      -fno-omit-frame-pointer)
endif()

# claims_target_setup(target): warnings and sanitizers on a project target.
function(claims_target_setup target)
  target_compile_options(${target} PRIVATE ${CLAIMS_WARNING_FLAGS} ${CLAIMS_SANITIZE_FLAGS})
  if(CLAIMS_SANITIZE)
    target_link_options(${target} PRIVATE ${CLAIMS_SANITIZE_FLAGS})
  endif()
endfunction()
