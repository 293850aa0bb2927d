// The Android library module scripts/package/android-library.sh lays out (target/android/checkout-kit):
// the generated Kotlin (Android flavour) in src/main/java and libcheckout_kit.so per ABI in
// src/main/jniLibs. Include it in an app's settings.gradle.kts, or run `gradle assembleRelease`
// in it for an .aar. Versions are those the generated code is tested with.
plugins {
    id("com.android.library") version "8.7.3"
    id("org.jetbrains.kotlin.android") version "2.1.0"
}

android {
    namespace = "dev.checkoutkit"
    compileSdk = 35
    defaultConfig {
        minSdk = 24
        consumerProguardFiles("consumer-rules.pro")
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlinOptions { jvmTarget = "17" }
}

dependencies {
    // JNA's Android flavour carries libjnidispatch.so for every ABI.
    api("net.java.dev.jna:jna:5.13.0@aar")
    api("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.8.1")
}
