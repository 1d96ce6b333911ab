# install(): headers, libraries, claims.pc and the CMake package config.
include(CMakePackageConfigHelpers)

set(CLAIMS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/claims)

set(CLAIMS_INSTALLED_TARGETS)
if(BUILD_SHARED_LIBS)
  list(APPEND CLAIMS_INSTALLED_TARGETS claims)
endif()
if(CLAIMS_BUILD_STATIC)
  list(APPEND CLAIMS_INSTALLED_TARGETS claims_static)
endif()
install(TARGETS ${CLAIMS_INSTALLED_TARGETS} EXPORT claims-targets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/claims.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT claims-targets NAMESPACE claims::
  DESTINATION ${CLAIMS_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/claims-config.cmake.in
  ${PROJECT_BINARY_DIR}/claims-config.cmake
  INSTALL_DESTINATION ${CLAIMS_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/claims-config-version.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/claims-config.cmake
  ${PROJECT_BINARY_DIR}/claims-config-version.cmake
  DESTINATION ${CLAIMS_CMAKE_DIR})

# pkg-config: the prefix is found from the .pc file's own place, so an
# installed tree can be moved (or installed with --prefix elsewhere).
set(CLAIMS_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${CLAIMS_PC_DIR}")
  set(CLAIMS_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH CLAIMS_PC_UP "/prefix/${CLAIMS_PC_DIR}" "/prefix")
  set(CLAIMS_PC_PREFIX "\${pcfiledir}/${CLAIMS_PC_UP}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(CLAIMS_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(CLAIMS_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CLAIMS_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(CLAIMS_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/claims.pc.in
  ${PROJECT_BINARY_DIR}/claims.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/claims.pc DESTINATION ${CLAIMS_PC_DIR})
