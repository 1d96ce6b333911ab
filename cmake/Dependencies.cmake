# jansson and utf8proc are private dependencies of libclaims; Check is needed
# only for the tests. A missing one stops configure naming the Debian package.
find_package(PkgConfig)

function(claims_require_pkg var module debian_pkg)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(${var} IMPORTED_TARGET ${module})
  endif()
  if(NOT ${var}_FOUND)
    message(FATAL_ERROR
      "libclaims needs ${module}, which was not found.\n"
      "On Debian or Ubuntu: apt-get install ${debian_pkg} pkg-config")
  endif()
endfunction()

claims_require_pkg(JANSSON jansson libjansson-dev)
claims_require_pkg(UTF8PROC libutf8proc libutf8proc-dev)
# POSIX threads: the stages that parse and render in parallel.
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
if(CLAIMS_BUILD_TESTS AND BUILD_TESTING)
  claims_require_pkg(CHECK check check)
endif()
