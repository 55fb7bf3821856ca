package junction.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhereReaderOperatorTest {
    @Test
    void graphqlDefaultOperatorNamesReadBackAsHasurasOperators() {
        assertThat(WhereReader.operator("_st3dDWithin")).isEqualTo("_st_3d_d_within");
        assertThat(WhereReader.operator("_st3dIntersects")).isEqualTo("_st_3d_intersects");
        assertThat(WhereReader.operator("_stDWithin")).isEqualTo("_st_d_within");
        assertThat(WhereReader.operator("_containedIn")).isEqualTo("_contained_in");
        assertThat(WhereReader.operator("_st_3d_d_within")).isEqualTo("_st_3d_d_within");
    }
}
